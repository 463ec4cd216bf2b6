import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../contracts/cases.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Panel } from '../../ui/Panel.tsx';
import { timelineLabel, type LabelHelpers } from './timeline-label.ts';

/** What happened on the case, newest first, with who did it and when. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const fmt = useFormat();
  const taskTitles = new Map(c.tasks.map((x) => [x.id, x.title]));
  const events = [...c.timeline].reverse();
  const helpers: LabelHelpers = {
    t: (key, values) => t(key, values),
    has: (key) => i18n.exists(key, { ns: 'cases' }),
    date: fmt.date,
    taskTitle: (id) => taskTitles.get(id),
  };

  return (
    <Panel title={t('timeline.title')}>
      {events.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="case-timeline" reversed>
          {events.map((e) => (
            <li key={e.id} className="case-timeline__item" data-testid="timeline-event" data-kind={e.kind}>
              <p className="case-timeline__what">{timelineLabel(e, helpers)}</p>
              <p className="case-timeline__when muted">{t('timeline.when', { who: e.actor?.name || t('timeline.system'), time: fmt.dateTime(e.at) })}</p>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
