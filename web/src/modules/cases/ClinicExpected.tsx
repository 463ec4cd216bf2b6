import { useTranslation } from 'react-i18next';
import type { ClinicVisit } from '../../../../contracts/daca.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { clinicApi, useClinicAction } from './clinic.api.ts';
import { expectedPeople } from './clinic-day.ts';
import { useRenewals } from './renewals.api.ts';
import { stateTone } from './renewals-view.ts';

/** Who should file now (window open, late, or lapsed within the year) and is not here yet, with a check-in button each. */
export function ClinicExpected({ visits, canWrite }: { visits: ClinicVisit[]; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const renewals = useRenewals({ withinDays: 180 });
  const checkIn = useClinicAction(clinicApi.checkIn);
  const expected = expectedPeople(renewals.data?.items ?? [], visits);

  return (
    <Panel title={t('clinic.expected')}>
      <p className="muted">{t('clinic.expectedIntro')}</p>
      {renewals.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {renewals.error ? <Alert tone="error">{renewals.error.message}</Alert> : null}
      {checkIn.error ? <Alert tone="error">{checkIn.error.message}</Alert> : null}
      {renewals.data ? (
        <DataTable
          caption={t('clinic.expected')}
          hideCaption
          rows={expected}
          rowKey={(r) => r.person.id}
          empty={<p>{t('clinic.expectedEmpty')}</p>}
          columns={[
            { key: 'person', header: t('renewals.person'), primary: true, render: (r) => (r.person.nameKo ? `${r.person.nameKo} · ${r.person.name}` : r.person.name) },
            { key: 'expires', header: t('renewals.expires'), render: (r) => <time dateTime={r.expiresOn}>{fmt.date(r.expiresOn)}</time> },
            { key: 'state', header: t('renewals.state'), render: (r) => <Badge tone={stateTone(r.state)}>{t(`daca.states.${r.state}`)}</Badge> },
            ...(canWrite
              ? [
                  {
                    key: 'checkIn',
                    header: t('clinic.actions'),
                    render: (r: (typeof expected)[number]) => (
                      <Button variant="primary" busy={checkIn.isPending && checkIn.variables === r.person.id} disabled={checkIn.isPending} onClick={() => checkIn.mutate(r.person.id)} aria-label={t('clinic.checkInPerson', { name: r.person.name })}>
                        {t('clinic.checkIn')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </Panel>
  );
}
