import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField.tsx';
import { SegmentMeter } from './SegmentMeter.tsx';

/** Try a text before sending it: what it costs per person and for the whole audience. */
export function CostTool() {
  const { t } = useTranslation('messaging');
  const id = useId();
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState('1000');
  return (
    <div className="form">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('cost.body')}
        </label>
        <textarea id={id} className="field__input" rows={5} maxLength={1600} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <TextField label={t('cost.recipients')} inputMode="numeric" value={recipients} onChange={(e) => setRecipients(e.target.value.replace(/\D/g, ''))} autoComplete="off" />
      <SegmentMeter body={body} recipients={Number(recipients) || 1} />
    </div>
  );
}
