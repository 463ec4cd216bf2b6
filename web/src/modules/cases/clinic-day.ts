import type { ClinicVisit, Renewal } from '../../../../contracts/daca.ts';

/** The states in which someone should file now: who a clinic expects at the door. */
const FILE_NOW = new Set(['window_open', 'late', 'expired']);

/** People whose renewal is due now and who have not been checked in on the day shown. */
export function expectedPeople(renewals: readonly Renewal[], visits: readonly ClinicVisit[]): Renewal[] {
  const here = new Set(visits.map((v) => v.case.person.id));
  return renewals.filter((r) => FILE_NOW.has(r.state) && !here.has(r.person.id));
}

export type VisitStage = 'checked_in' | 'with_attorney' | 'filed';

/** Where a visit stands at the clinic: filed (on the DACA record) beats a review hand-off. */
export function visitStage(v: ClinicVisit): VisitStage {
  if (v.daca?.filedOn || v.case.status === 'filed') return 'filed';
  if (v.review) return 'with_attorney';
  return 'checked_in';
}
