import { useTranslation } from 'react-i18next';
import type { ScreeningFindings as Findings } from '../../../../contracts/screening.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge, type BadgeTone } from '../../ui/Badge.tsx';
import { DetailList } from '../../ui/DetailList.tsx';

const LIKELY_TONES: Record<string, BadgeTone> = { yes: 'positive', no: 'negative', needs_review: 'caution' };

/** What the rules concluded from the saved answers: a screening aid, never legal advice. */
export function ScreeningFindings({ findings: f }: { findings: Findings }) {
  const { t, i18n } = useTranslation('cases');
  const fmt = useFormat();
  const known = (key: string, fallback: string) => (i18n.exists(key, { ns: 'cases' }) ? t(key) : fallback);
  const items = [
    ...(f.daca
      ? [
          { key: 'dacaKind', term: t('daca.kind'), value: t(`daca.kinds.${f.daca.kind}`) },
          { key: 'dacaState', term: t('daca.state'), value: known(`daca.states.${f.daca.state}`, f.daca.state) },
          { key: 'dacaWindow', term: t('daca.window'), value: t('daca.windowRange', { from: fmt.date(f.daca.windowOpensOn), to: fmt.date(f.daca.windowClosesOn) }) },
          { key: 'dacaReminders', term: t('daca.reminders'), value: t('screening.findings.remindersScheduled', { count: f.daca.remindersScheduled }) },
        ]
      : []),
    ...(f.naturalization
      ? [
          { key: 'natEarliest', term: t('screening.findings.earliestFilingOn'), value: fmt.date(f.naturalization.earliestFilingOn) },
          { key: 'natYears', term: t('screening.findings.residenceRequired'), value: t('screening.findings.years', { count: f.naturalization.yearsRequired, date: fmt.date(f.naturalization.anniversaryOn) }) },
        ]
      : []),
    ...(f.adoptee
      ? [
          {
            key: 'adoptee',
            term: t('screening.findings.ccaCovered'),
            value: <Badge tone={LIKELY_TONES[f.adoptee.likelyCovered] ?? 'neutral'}>{t(`screening.findings.likely.${f.adoptee.likelyCovered}`)}</Badge>,
          },
          {
            key: 'adopteeReasons',
            term: t('screening.findings.why'),
            value: (
              <ul className="screening-reasons">
                {f.adoptee.reasons.map((r) => (
                  <li key={r}>{known(`screening.reasons.${r}`, r)}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="screening-findings" data-testid="screening-findings" aria-live="polite">
      <h3 className="screening-findings__title">{t('screening.findings.title')}</h3>
      {items.length ? <DetailList items={items} /> : <p className="muted">{t('screening.findings.none')}</p>}
      {f.reviewNeeded ? <p className="screening-findings__review">{t('screening.findings.reviewNeeded')}</p> : null}
      <p className="muted screening-findings__aid">{t('screening.findings.notAdvice')}</p>
    </div>
  );
}
