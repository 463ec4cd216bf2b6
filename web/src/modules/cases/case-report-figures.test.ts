import { describe, expect, it } from 'vitest';
import type { CaseReport } from '../../../../contracts/cases.ts';
import { caseReportCsvUrl, caseReportPeriodFromParams, chartBars, onTimeShare, paramsFromCaseReportPeriod, reportFigures } from './case-report-figures.ts';

const report: CaseReport = {
  from: '2026-01-01',
  to: '2026-01-30',
  informationOnly: 14210,
  casesOpened: { total: 2203, byType: [{ type: 'naturalization', count: 3 }, { type: 'daca_renewal', count: 2200 }, { type: 'tps', count: 0 }] },
  dacaRenewalsFiled: { total: 8, onTime: 6 },
  referrals: { made: 10, accepted: 7, completed: 4, hoursToConsultation: { n: 4, p50: 20.26, p90: 47.04 } },
};

describe('case report period', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(caseReportPeriodFromParams(new URLSearchParams(), '2026-03-31')).toEqual({ preset: '30', from: '2026-03-02', to: '2026-03-31' });
    expect(paramsFromCaseReportPeriod({ preset: '30', from: 'x', to: 'y' }).toString()).toBe('');
  });
  it('reads 90 days and a custom range, and ignores a malformed one', () => {
    expect(caseReportPeriodFromParams(new URLSearchParams('period=90'), '2026-03-31')).toMatchObject({ preset: '90', from: '2026-01-01' });
    expect(caseReportPeriodFromParams(new URLSearchParams('period=custom&from=2025-07-01&to=2025-12-31'), '2026-03-31')).toEqual({ preset: 'custom', from: '2025-07-01', to: '2025-12-31' });
    expect(caseReportPeriodFromParams(new URLSearchParams('period=custom&from=2025-13-01&to=2025-12-31'), '2026-03-31').preset).toBe('30');
    expect(paramsFromCaseReportPeriod({ preset: 'custom', from: '2025-07-01', to: '2025-12-31' }).toString()).toBe('period=custom&from=2025-07-01&to=2025-12-31');
  });
  it('links the CSV of the same period', () => {
    expect(caseReportCsvUrl('2026-01-01', '2026-01-30')).toBe('/api/v1/cases/reports.csv?from=2026-01-01&to=2026-01-30');
  });
});

describe('report figures', () => {
  it('lists every figure in reading order, types by count with empty ones left out, hours to one decimal', () => {
    expect(reportFigures(report).map((f) => [f.key, f.value])).toEqual([
      ['information', 14210],
      ['casesOpened', 2203],
      ['type.daca_renewal', 2200],
      ['type.naturalization', 3],
      ['dacaFiled', 8],
      ['dacaOnTime', 6],
      ['referralsMade', 10],
      ['referralsAccepted', 7],
      ['referralsCompleted', 4],
      ['hoursP50', 20.3],
      ['hoursP90', 47],
    ]);
  });
  it('has no hours when no referral reached a consultation, and no chart bars for them', () => {
    const none = { ...report, referrals: { ...report.referrals, hoursToConsultation: { n: 0, p50: null, p90: null } } };
    const figures = reportFigures(none);
    expect(figures.filter((f) => f.group === 'hours').map((f) => f.value)).toEqual([null, null]);
    expect(chartBars(figures, 'hours')).toEqual([]);
  });
  it('charts the case mix without its total (its parts are the bars)', () => {
    expect(chartBars(reportFigures(report), 'people').map((f) => f.key)).toEqual(['information', 'type.daca_renewal', 'type.naturalization']);
  });
  it('gives the on-time share in whole percent, none when nothing was filed', () => {
    expect(onTimeShare(report)).toBe(75);
    expect(onTimeShare({ ...report, dacaRenewalsFiled: { total: 3, onTime: 2 } })).toBe(67);
    expect(onTimeShare({ ...report, dacaRenewalsFiled: { total: 0, onTime: 0 } })).toBeNull();
  });
});
