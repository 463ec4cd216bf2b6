import { useTranslation } from 'react-i18next';
import type { DacaView } from '../../../../contracts/cases.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { DetailList } from '../../ui/DetailList.tsx';

const STATE_TONES: Record<string, BadgeTone> = { not_yet: 'neutral', window_open: 'accent', late: 'caution', expired: 'negative', initial_required: 'negative', filed: 'positive' };
const REMINDER_TONES: Record<DacaView['reminders'][number]['status'], BadgeTone> = { scheduled: 'accent', sent: 'positive', skipped_no_consent: 'caution', cancelled: 'neutral' };

/** Where the renewal stands against the saved dates, and the reminders planned for the member. */
export function DacaPlan({ daca: d }: { daca: DacaView }) {
  const { t, i18n } = useTranslation('cases');
  const fmt = useFormat();
  const stateKey = `daca.states.${d.state}`;
  const state = i18n.exists(stateKey, { ns: 'cases' }) ? t(stateKey) : t('daca.states.unknown', { state: d.state });

  return (
    <div className="daca-plan" data-testid="daca-plan">
      <h3 className="daca-plan__title">{t('daca.plan')}</h3>
      <DetailList
        items={[
          { key: 'expires', term: t('daca.expiresOn'), value: fmt.date(d.expiresOn) },
          ...(d.lastApprovedOn ? [{ key: 'approved', term: t('daca.lastApprovedOn'), value: fmt.date(d.lastApprovedOn) }] : []),
          ...(d.filedOn ? [{ key: 'filed', term: t('daca.filedOn'), value: fmt.date(d.filedOn) }] : []),
          { key: 'kind', term: t('daca.kind'), value: t(`daca.kinds.${d.kind}`) },
          { key: 'state', term: t('daca.state'), value: <Badge tone={STATE_TONES[d.state] ?? 'neutral'}>{state}</Badge> },
          { key: 'window', term: t('daca.window'), value: t('daca.windowRange', { from: fmt.date(d.windowOpensOn), to: fmt.date(d.windowClosesOn) }) },
        ]}
      />
      <h3 className="daca-plan__title" id="daca-reminders">
        {t('daca.reminders')}
      </h3>
      {d.reminders.length === 0 ? (
        <p>{t('daca.noReminders')}</p>
      ) : (
        <ul className="daca-reminders" aria-labelledby="daca-reminders">
          {d.reminders.map((r) => (
            <li key={`${r.daysBefore}-${r.dueOn}`} className="daca-reminders__item" data-testid="daca-reminder">
              <span className="daca-reminders__days">{t('daca.reminderDays', { days: r.daysBefore })}</span>
              <span className="daca-reminders__date">{fmt.date(r.dueOn)}</span>
              <Badge tone={REMINDER_TONES[r.status]}>{t(`daca.reminderStatuses.${r.status}`)}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
