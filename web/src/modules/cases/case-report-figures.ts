import type { CaseReport } from '../../../../contracts/cases.ts';
import { paramsFromPeriod, type Period, periodFromParams } from '../../lib/report-period.ts';

/**
 * The case report's period and figures, pure so they can be unit-tested. The period lives
 * in the URL (bookmarkable); presets count back from today, the default is the last 30 days
 * (funders ask for months and quarters, not weeks).
 */
export const CASE_REPORT_PRESETS = ['30', '90', 'custom'] as const;
export type CaseReportPreset = (typeof CASE_REPORT_PRESETS)[number];
export type CaseReportPeriod = Period<CaseReportPreset>;

export const caseReportPeriodFromParams = (params: URLSearchParams, today: string): CaseReportPeriod => periodFromParams(params, today, CASE_REPORT_PRESETS);
export const paramsFromCaseReportPeriod = (p: CaseReportPeriod): URLSearchParams => paramsFromPeriod(p, CASE_REPORT_PRESETS);

/** The server's CSV of the same figures; a plain link, so the browser downloads it with the session cookie. */
export const caseReportCsvUrl = (from: string, to: string) => `/api/v1/cases/reports.csv?${new URLSearchParams({ from, to })}`;

export type FigureGroup = 'people' | 'daca' | 'referrals' | 'hours';

/** One figure of the report: a row of the table and a bar of a chart. */
export interface Figure {
  /** Stable id, also the i18n key under reports.figures (or a case type under types). */
  key: string;
  group: FigureGroup;
  /** Set for "cases opened: <type>" rows: the label is the case type's name. */
  caseType?: string;
  value: number | null;
}

/**
 * Every figure in reading order: information given, cases opened (total, then by type, most
 * first, types with none left out), DACA renewals filed and on time, referrals made, accepted
 * and completed, hours to consultation (p50, p90: null when no referral reached one).
 */
export function reportFigures(r: CaseReport): Figure[] {
  const byType = [...r.casesOpened.byType].filter((x) => x.count > 0).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const h = r.referrals.hoursToConsultation;
  return [
    { key: 'information', group: 'people', value: r.informationOnly },
    { key: 'casesOpened', group: 'people', value: r.casesOpened.total },
    ...byType.map((x) => ({ key: `type.${x.type}`, group: 'people' as const, caseType: x.type, value: x.count })),
    { key: 'dacaFiled', group: 'daca', value: r.dacaRenewalsFiled.total },
    { key: 'dacaOnTime', group: 'daca', value: r.dacaRenewalsFiled.onTime },
    { key: 'referralsMade', group: 'referrals', value: r.referrals.made },
    { key: 'referralsAccepted', group: 'referrals', value: r.referrals.accepted },
    { key: 'referralsCompleted', group: 'referrals', value: r.referrals.completed },
    { key: 'hoursP50', group: 'hours', value: h.p50 === null ? null : round1(h.p50) },
    { key: 'hoursP90', group: 'hours', value: h.p90 === null ? null : round1(h.p90) },
  ];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Whole percent of the filed renewals that were on time; null when none were filed. */
export function onTimeShare(r: CaseReport): number | null {
  const { total, onTime } = r.dacaRenewalsFiled;
  return total > 0 ? Math.round((onTime / total) * 100) : null;
}

/** The bars of one chart: the figures of a group, the "cases opened" total left out of the case mix (its parts are there). */
export function chartBars(figures: Figure[], group: FigureGroup): Figure[] {
  return figures.filter((f) => f.group === group && f.key !== 'casesOpened' && f.value !== null);
}

/** A figure's name: the case type's for "cases opened: <type>", else its own under reports.figures. */
export function figureLabel(t: (key: string) => string, f: Figure): string {
  return f.caseType ? t(`types.${f.caseType}`) : t(`reports.figures.${f.key}`);
}
