import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from '../../../../contracts/cases.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCan, useSession } from '../auth/session.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

/** The case at a glance, with the way to its person and the conversation it came from. */
export function CaseSummaryPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const me = useSession().user.id;
  const canSeePeople = useCan('people.read');
  const canSeeHotline = useCan('hotline.respond');

  return (
    <Panel title={t('detail.summary')}>
      <DetailList
        items={[
          { key: 'status', term: t('detail.status'), value: <CaseStatusBadge status={c.status} /> },
          { key: 'type', term: t('detail.type'), value: t(`types.${c.type}`) },
          {
            key: 'person',
            term: t('detail.person'),
            value: canSeePeople ? <Link to={paths.person(c.person.id)}>{c.person.name}</Link> : c.person.name,
          },
          { key: 'lang', term: t('detail.language'), value: <span lang={c.lang}>{LANGUAGE_NAMES[c.lang]}</span> },
          { key: 'opened', term: t('detail.opened'), value: fmt.dateTime(c.openedAt) },
          ...(c.closedAt ? [{ key: 'closed', term: t('detail.closed'), value: fmt.dateTime(c.closedAt) }] : []),
          {
            key: 'assignee',
            term: t('detail.assignee'),
            value: c.assignedTo ? (c.assignedTo.userId === me ? t('list.you') : c.assignedTo.name) : t('list.unassigned'),
          },
          ...(c.conversationId && canSeeHotline
            ? [{ key: 'conv', term: t('detail.conversation'), value: <Link to={paths.hotlineConversation(c.conversationId)}>{t('detail.openConversation')}</Link> }]
            : []),
        ]}
      />
    </Panel>
  );
}
