import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { PersonMessages } from '../messaging/PersonMessages.tsx';
import { ConsentLedger } from './ConsentLedger.tsx';
import { MergeDuplicateDialog } from './MergeDuplicateDialog.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { SensitiveDetails } from './SensitiveDetails.tsx';
import { personLabel } from './person-names.ts';
import { usePerson } from './people.api.ts';

/** Keyed by id: moving to another person (e.g. the merge survivor) starts with fresh page state. */
export function PersonDetailPage() {
  const { id = '' } = useParams();
  return <PersonDetail key={id} id={id} />;
}

function PersonDetail({ id }: { id: string }) {
  const { t } = useTranslation('people');
  const location = useLocation();
  const person = usePerson(id);
  const canWrite = useCan('people.write');
  const canMerge = useCan('people.merge');
  const canAudit = useCan('audit.read');
  const canReadMessages = useCan('messaging.history');
  const [mergeOpen, setMergeOpen] = useState(false);
  const [mergedName, setMergedName] = useState<string | null>(null);
  const justSaved = Boolean((location.state as { saved?: boolean } | null)?.saved);

  if (person.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (person.error) {
    return (
      <>
        <PageHeading title={t('detail.unknownTitle')} />
        <Alert tone="error" actions={<Link to={paths.people}>{t('detail.backToList')}</Link>}>
          {person.error.message}
        </Alert>
      </>
    );
  }

  const p = person.data;
  const merged = Boolean(p.mergedIntoId);
  return (
    <>
      <PageHeading
        title={personLabel(p)}
        actions={
          <>
            {canWrite && !merged ? (
              <ButtonLink to={paths.editPerson(p.id)} variant="primary">
                {t('detail.edit')}
              </ButtonLink>
            ) : null}
            {canMerge && !merged ? <Button onClick={() => setMergeOpen(true)}>{t('detail.merge')}</Button> : null}
            {canAudit ? <ButtonLink to={`${paths.audit}?entityType=person&entityId=${p.id}`}>{t('detail.history')}</ButtonLink> : null}
          </>
        }
      />
      {justSaved && !mergedName ? <Alert tone="success">{t('detail.saved')}</Alert> : null}
      {mergedName ? <Alert tone="success">{t('merge.done', { duplicate: mergedName })}</Alert> : null}
      {p.mergedIntoId ? (
        <Alert tone="warning" actions={<Link to={paths.person(p.mergedIntoId)}>{t('detail.openSurvivor')}</Link>}>
          {t('detail.mergedNotice')}
        </Alert>
      ) : null}
      <PersonDetails person={p} />
      {p.sensitive ? <SensitiveDetails sensitive={p.sensitive} /> : null}
      <ConsentLedger personId={p.id} />
      {canReadMessages ? <PersonMessages personId={p.id} /> : null}
      {canMerge ? (
        <MergeDuplicateDialog target={p} open={mergeOpen} onClose={() => setMergeOpen(false)} onMerged={(_m, dup) => setMergedName(personLabel(dup))} />
      ) : null}
    </>
  );
}
