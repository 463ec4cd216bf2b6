import { useTranslation } from 'react-i18next';
import type { AlertChannel } from '../../../../contracts/alerts.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { CHANNELS } from './alert-options.ts';
import { toggle } from './audience-fields.ts';

/** SMS and/or email; at least one (the last one cannot be unticked). */
export function ChannelsField({ value, onChange, error, disabled }: { value: AlertChannel[]; onChange: (v: AlertChannel[]) => void; error?: string; disabled?: boolean }) {
  const { t } = useTranslation('alerts');
  return (
    <Fieldset legend={t('fields.channels')} hint={t('fields.channelsHint')} error={error}>
      <div className="checkbox-list checkbox-list--columns">
        {CHANNELS.map((c) => (
          <Checkbox
            key={c}
            label={t(`channels.${c}`)}
            checked={value.includes(c)}
            disabled={disabled || (value.length === 1 && value[0] === c)}
            onChange={(e) => onChange(toggle(value, c, e.target.checked, CHANNELS))}
          />
        ))}
      </div>
    </Fieldset>
  );
}
