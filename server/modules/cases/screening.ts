import { and, eq } from 'drizzle-orm';
import { type CaseScreeningView, ScreeningAnswers, ScreeningFindings, type ScreeningForm, type ScreeningInput } from '../../../contracts/screening.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { invalid } from '../../platform/errors.ts';
import { type CaseRow, casesRepo } from './cases.repository.ts';
import { caseScreenings, dacaRecords } from './cases.table.ts';
import { setDaca } from './daca-records.ts';
import { type CleanAnswers, pureFindings, validateScreeningAnswers } from './screening-answers.ts';
import { screeningFormsRepo } from './screening-forms.ts';

/** As in daca-records.ts: UTC's date is within a day of the affiliate's. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Answer a case's screening form. The answers are checked against the version they were
 * given on, sealed with the affiliate's key, and only the rules' conclusions are stored in
 * the clear. A DACA expiry also goes through setDaca, which records the dates and schedules
 * the renewal reminders. The timeline and the audit say that a screening happened and on
 * which fields, never what was answered.
 */
export async function saveCaseScreening({ ctx, input }: { ctx: Ctx; input: ScreeningInput & { id: string } }): Promise<CaseScreeningView> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.lock(tx.db, orgId, input.id);
    if (input.caseType && input.caseType !== c.type) throw invalid('screening_case_type_mismatch', 'caseType');
    const form = await screeningFormsRepo.version(tx.db, orgId, c.type, input.formVersion);
    if (!form) throw invalid('screening_form_version_unknown', 'formVersion');
    const day = today();
    const { answers, problems } = validateScreeningAnswers(form.definition, input.answers, day);
    if (problems.length) throw invalid(problems[0].code, problems[0].field);

    const me = ctx.actor?.userId ?? null;
    if (form.isDefault) await screeningFormsRepo.pinDefault(tx.db, orgId, c.type, me);
    const findings: ScreeningFindings = { ...pureFindings(c.type, answers, day), ...(await dacaFindings(tx, c, answers)) };
    const values = {
      formVersion: form.version,
      answersEnc: await ctx.deps.keyring.encrypt(tx.db, orgId, JSON.stringify(answers)),
      findings,
      updatedBy: me,
      updatedAt: new Date(),
    };
    const [row] = await tx.db
      .insert(caseScreenings)
      .values({ orgId, caseId: c.id, ...values })
      .onConflictDoUpdate({ target: caseScreenings.caseId, set: values })
      .returning();
    await casesRepo.event(tx.db, orgId, c.id, 'screened', me, { formVersion: form.version });
    await audit(tx, { action: 'case.screening', entityType: 'case', entityId: c.id, details: { formVersion: form.version, fields: Object.keys(answers).sort() } });
    const names = await casesRepo.userNames(tx.db, [me]);
    return view(c, form, { formVersion: row.formVersion, answers, findings, updatedAt: row.updatedAt.toISOString(), updatedBy: me ? { userId: me, name: names.get(me) ?? '' } : null });
  });
}

/**
 * The expiry through setDaca (same transaction), so the dates land in daca_records and the
 * 180/150/120-day reminders are scheduled exactly as the DACA panel does. A filing already
 * recorded for the same expiry is kept: the screening does not know about it.
 */
async function dacaFindings(tx: Ctx, c: CaseRow, a: CleanAnswers): Promise<ScreeningFindings> {
  if ((c.type !== 'daca_renewal' && c.type !== 'daca_initial') || typeof a.eadExpiresOn !== 'string') return {};
  const [existing] = await tx.db.select().from(dacaRecords).where(and(eq(dacaRecords.orgId, c.orgId), eq(dacaRecords.personId, c.personId)));
  const filedOn = existing?.filedOn && existing.expiresOn === a.eadExpiresOn ? existing.filedOn : undefined;
  const lastApprovedOn = typeof a.lastApprovedOn === 'string' ? a.lastApprovedOn : undefined;
  const daca = await setDaca({ ctx: tx, input: { id: c.id, expiresOn: a.eadExpiresOn, lastApprovedOn, filedOn } });
  return {
    daca: {
      kind: daca.kind, state: daca.state, windowOpensOn: daca.windowOpensOn, windowClosesOn: daca.windowClosesOn,
      remindersScheduled: daca.reminders.filter((r) => r.status === 'scheduled').length,
    },
  };
}

/** The case's screening opened for the reader (an audited read), with the form version it was answered on. */
export async function getCaseScreening({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CaseScreeningView> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const c = await casesRepo.find(tx.db, orgId, input.id);
    const [row] = await tx.db.select().from(caseScreenings).where(and(eq(caseScreenings.orgId, orgId), eq(caseScreenings.caseId, c.id)));
    const form = (row && (await screeningFormsRepo.version(tx.db, orgId, c.type, row.formVersion))) || (await screeningFormsRepo.latest(tx.db, orgId, c.type));
    await audit(tx, { action: 'case.screening_read', entityType: 'case', entityId: c.id, details: { answered: Boolean(row) } });
    if (!row) return view(c, form, null);
    const names = await casesRepo.userNames(tx.db, [row.updatedBy]);
    const answers = ScreeningAnswers.parse(JSON.parse(await ctx.deps.keyring.decrypt(tx.db, orgId, row.answersEnc)));
    return view(c, form, {
      formVersion: row.formVersion,
      answers,
      findings: ScreeningFindings.parse(row.findings),
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy ? { userId: row.updatedBy, name: names.get(row.updatedBy) ?? '' } : null,
    });
  });
}

const view = (c: CaseRow, form: ScreeningForm, screening: CaseScreeningView['screening']): CaseScreeningView => ({ caseId: c.id, caseType: c.type, form, screening });
