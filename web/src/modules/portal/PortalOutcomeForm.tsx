import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_OUTCOMES } from '../../../../contracts/legal-network.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { portalApi, type ReferralOutcome, usePortalAnswer } from './portal.api.ts';

const NOTE_MAX_CHARS = 4000;

/** How the matter ended for the provider; completes the referral. The note becomes an information note on the affiliate's case. */
export function PortalOutcomeForm({ id }: { id: string }) {
  const { t } = useTranslation('portal');
  const [outcome, setOutcome] = useState<ReferralOutcome | ''>('');
  const [note, setNote] = useState('');
  const record = usePortalAnswer(id, portalApi.outcome);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return;
    record.mutate({ outcome, note: note.trim() || undefined });
  };

  return (
    <Panel title={t('outcome.title')} className="portal-outcome">
      <p className="muted">{t('outcome.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-label={t('outcome.title')}>
        <Select
          label={t('outcome.label')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as ReferralOutcome)}
          options={[{ value: '', label: t('outcome.choose'), disabled: true }, ...REFERRAL_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
        />
        <TextAreaField label={t('outcome.note')} hint={t('outcome.noteHint')} value={note} maxLength={NOTE_MAX_CHARS} rows={3} onChange={(e) => setNote(e.target.value)} />
        {record.error ? <Alert tone="error">{record.error.message}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={record.isPending} disabled={!outcome}>
            {t('outcome.save')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
