import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert as AlertT } from '../../../../contracts/alerts.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { alertsApi, useAlertChange } from './alerts.api.ts';
import { isoToZonedLocal, zonedLocalToIso } from './schedule-time.ts';
import { useOrgTimeZone } from './use-org-time-zone.ts';

/** Send later: a date and time in the org's time zone (named beside the field). */
export function ScheduleForm({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const zone = useOrgTimeZone();
  const [local, setLocal] = useState(() => (alert.scheduledAt ? isoToZonedLocal(alert.scheduledAt, zone) : ''));
  const [invalid, setInvalid] = useState(false);
  const schedule = useAlertChange(alert.id, (at: string, expectedVersion) => alertsApi.schedule(alert.id, at, expectedVersion));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = zonedLocalToIso(local, zone);
    const past = at !== null && new Date(at).getTime() <= Date.now();
    setInvalid(at === null || past);
    if (at && !past && !schedule.isPending) schedule.mutate(at);
  };
  return (
    <form onSubmit={submit} noValidate className="alert-schedule" aria-label={t('actions.schedule')}>
      <TextField
        type="datetime-local"
        label={t('schedule.at')}
        hint={t('schedule.zone', { zone: zone.replace(/_/g, ' ') })}
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        error={invalid ? t('schedule.invalid') : undefined}
        data-testid="schedule-at"
      />
      <Button type="submit" busy={schedule.isPending}>
        {alert.status === 'scheduled' ? t('schedule.change') : t('actions.schedule')}
      </Button>
      {schedule.error ? <Alert tone="error">{schedule.error.message}</Alert> : null}
    </form>
  );
}
