import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert as AlertT, AlertTopic, UpdateAlertInput } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { splitError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { topicOptions } from './alert-options.ts';
import { alertsApi, useAlertChange } from './alerts.api.ts';
import { EmergencyField } from './EmergencyField.tsx';

type Patch = Omit<UpdateAlertInput, 'expectedVersion'>;
const FIELDS = ['title', 'topic', 'emergency'] as const;

/** Title, topic and the emergency flag of a draft: saved when the title loses focus, at once for the choices. */
export function AlertDetailsForm({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const [title, setTitle] = useState(alert.title);
  const update = useAlertChange(alert.id, (patch: Patch, expectedVersion) => alertsApi.update(alert.id, { ...patch, expectedVersion }));
  const errors = splitError(update.error, FIELDS);
  const saveTitle = () => {
    if (title.trim() && title.trim() !== alert.title) update.mutate({ title: title.trim() });
  };
  return (
    <Panel title={t('detail.about')}>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="form-grid">
        <TextField label={t('fields.title')} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} onBlur={saveTitle} error={errors.fields.title} autoComplete="off" />
        <Select
          label={t('fields.topic')}
          value={alert.topic}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ topic: e.target.value as AlertTopic })}
          options={topicOptions(t)}
          error={errors.fields.topic}
        />
      </div>
      <p>
        {t('fields.sourceLang')}: <span lang={alert.sourceLang}>{LANGUAGE_NAMES[alert.sourceLang]}</span>
      </p>
      <EmergencyField checked={alert.emergency} disabled={update.isPending} onChange={(emergency) => update.mutate({ emergency })} error={errors.fields.emergency} />
    </Panel>
  );
}
