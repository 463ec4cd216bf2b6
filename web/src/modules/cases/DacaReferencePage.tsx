import { useTranslation } from 'react-i18next';
import type { DacaReferenceVersion } from '../../../../contracts/daca.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { DacaReferenceForm } from './DacaReferenceForm.tsx';
import { useDacaReference } from './reference.api.ts';
import './case-pages.css';

/**
 * The DACA reference data (reminder days, filing window, the one-year rule, fees) with the
 * day it was checked and its earlier versions. Everyone on cases reads it; the network
 * office edits it here.
 */
export function DacaReferencePage() {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const ref = useDacaReference();
  const data = ref.data;
  const dollars = (n: number) => `$${fmt.number(n)}`;
  const days = (n: number) => t('reference.days', { n: fmt.number(n) });

  const details = (v: DacaReferenceVersion) => [
    { key: 'reminders', term: t('reference.fields.reminderDaysBefore'), value: v.reminderDaysBefore.map((d) => fmt.number(d)).join(', ') },
    { key: 'window', term: t('reference.window'), value: t('reference.windowValue', { opens: fmt.number(v.filingWindow.opensDaysBefore), closes: fmt.number(v.filingWindow.closesDaysBefore) }) },
    { key: 'notice', term: t('reference.fields.uscisNoticeDaysBefore'), value: days(v.uscisNoticeDaysBefore) },
    { key: 'initial', term: t('reference.fields.initialAfterExpiredDays'), value: days(v.initialAfterExpiredDays) },
    {
      key: 'fees',
      term: t('reference.fees'),
      value: t('reference.feesValue', { i821d: dollars(v.fees.i821d), paper: dollars(v.fees.i765Paper), online: dollars(v.fees.i765Online), from: fmt.date(v.fees.effectiveFrom) }),
    },
    { key: 'checked', term: t('reference.fields.checkedOn'), value: fmt.date(v.checkedOn) },
    { key: 'note', term: t('reference.fields.sourceNote'), value: v.sourceNote },
    {
      key: 'sources',
      term: t('reference.fields.sources'),
      value: (
        <ul className="daca-reference__sources">
          {v.sources.map((s) => (
            <li key={s}>
              <a href={s} rel="noreferrer noopener" target="_blank">
                {s}
              </a>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'version', term: t('reference.version'), value: v.validFrom ? t('reference.versionValue', { version: v.version, from: fmt.dateTime(v.validFrom) }) : t('reference.shipped') },
  ];

  return (
    <>
      <PageHeading title={t('reference.title')} description={t('reference.intro')} />
      {ref.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {ref.error ? (
        <Alert tone="error" actions={<Button onClick={() => void ref.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {ref.error.message}
        </Alert>
      ) : null}
      {data ? (
        <div className="daca-reference">
          <Panel title={t('reference.current')}>
            <div data-testid="reference-current">
              <DetailList items={details(data.current)} />
            </div>
            {!data.canEdit ? <p className="muted">{t('reference.readOnly')}</p> : null}
          </Panel>
          {data.canEdit ? <DacaReferenceForm current={data.current} /> : null}
          <Panel title={t('reference.history')}>
            <DataTable
              caption={t('reference.history')}
              hideCaption
              rows={data.history}
              rowKey={(v) => String(v.version)}
              empty={<p>{t('reference.noHistory')}</p>}
              columns={[
                { key: 'version', header: t('reference.version'), primary: true, render: (v) => t('reference.versionShort', { version: v.version }) },
                { key: 'from', header: t('reference.validFrom'), render: (v) => (v.validFrom ? fmt.dateTime(v.validFrom) : t('reference.shipped')) },
                { key: 'until', header: t('reference.validUntil'), render: (v) => (v.validUntil ? fmt.dateTime(v.validUntil) : '—') },
                { key: 'reminders', header: t('reference.fields.reminderDaysBefore'), render: (v) => v.reminderDaysBefore.join(', ') },
                { key: 'window', header: t('reference.window'), render: (v) => t('reference.windowValue', { opens: v.filingWindow.opensDaysBefore, closes: v.filingWindow.closesDaysBefore }) },
                { key: 'initial', header: t('reference.initialShort'), render: (v) => days(v.initialAfterExpiredDays) },
                { key: 'fees', header: t('reference.fees'), render: (v) => `${dollars(v.fees.i821d)} + ${dollars(v.fees.i765Paper)} / ${dollars(v.fees.i765Online)}` },
                { key: 'checked', header: t('reference.fields.checkedOn'), render: (v) => fmt.date(v.checkedOn) },
                { key: 'note', header: t('reference.fields.sourceNote'), render: (v) => v.sourceNote },
              ]}
            />
          </Panel>
        </div>
      ) : null}
    </>
  );
}
