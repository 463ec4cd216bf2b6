import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { isDacaType } from './case-options.ts';
import { CaseDacaPanel } from './CaseDacaPanel.tsx';
import { CaseDocumentsPanel } from './CaseDocumentsPanel.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseReferralsPanel } from './CaseReferralsPanel.tsx';
import { CaseScreeningPanel } from './CaseScreeningPanel.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { CaseSummaryPanel } from './CaseSummaryPanel.tsx';
import { CaseTasks } from './CaseTasks.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { useCase } from './cases.api.ts';
import './cases.css';

/** Keyed by id: another case starts with empty forms. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  return <Case key={id} id={id} />;
}

/**
 * One case, as a volunteer works it on a phone: who and what at the top, then the DACA
 * dates (for DACA cases), tasks and notes, the status and the timeline. On wide screens
 * status and timeline sit beside the rest.
 */
function Case({ id }: { id: string }) {
  const { t } = useTranslation('cases');
  const canWrite = useCan('cases.write');
  const query = useCase(id);
  const back = (
    <p className="case-back">
      <Link to={paths.cases}>
        <span aria-hidden="true">← </span>
        {t('detail.back')}
      </Link>
    </p>
  );

  if (query.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (query.isError && !query.data) {
    return (
      <>
        {back}
        <PageHeading title={t('detail.unknownTitle')} />
        <Alert tone="error" actions={<Button onClick={() => void query.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {query.error.message}
        </Alert>
      </>
    );
  }
  const c = query.data;

  return (
    <>
      {back}
      <PageHeading title={t('detail.title', { person: c.person.name, type: t(`types.${c.type}`) })} />
      {query.isError ? <Alert tone="error">{query.error.message}</Alert> : null}
      <div className="case-layout">
        <div className="case-main">
          <CaseSummaryPanel c={c} />
          <CaseScreeningPanel c={c} canWrite={canWrite} />
          {isDacaType(c.type) ? <CaseDacaPanel c={c} canWrite={canWrite} /> : null}
          <CaseTasks c={c} canWrite={canWrite} />
          <CaseNotes c={c} canWrite={canWrite} />
          <CaseDocumentsPanel caseId={c.id} canWrite={canWrite} />
          <CaseReferralsPanel c={c} canWrite={canWrite} />
        </div>
        <div className="case-side">
          {canWrite ? <CaseStatusForm c={c} /> : null}
          <CaseTimeline c={c} />
        </div>
      </div>
    </>
  );
}
