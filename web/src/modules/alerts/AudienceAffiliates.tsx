import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useAffiliates } from './alerts.api.ts';
import { toggle } from './audience-fields.ts';

/** For the network office: which affiliates' subscribers; none ticked is everyone, network-wide (and says so). */
export function AudienceAffiliates({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation('alerts');
  const affiliates = useAffiliates(true);
  const ids = (affiliates.data?.items ?? []).map((a) => a.id);
  return (
    <Fieldset legend={t('audience.affiliates')} hint={t('audience.affiliatesHint')} error={error}>
      {affiliates.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {affiliates.error ? <Alert tone="error">{affiliates.error.message}</Alert> : null}
      <p className="alerts-scope" role="status" data-testid="audience-scope">
        {value.length === 0 ? t('audience.networkWide') : t('audience.chosenAffiliates', { n: value.length })}
      </p>
      <div className="checkbox-list checkbox-list--columns">
        {(affiliates.data?.items ?? []).map((a) => (
          <Checkbox
            key={a.id}
            label={a.name}
            hint={a.statesServed.join(', ') || undefined}
            checked={value.includes(a.id)}
            onChange={(e) => onChange(toggle(value, a.id, e.target.checked, ids))}
          />
        ))}
      </div>
    </Fieldset>
  );
}
