import { and, desc, eq } from 'drizzle-orm';
import type { CaseType } from '../../../contracts/cases.ts';
import { ScreeningDefinition, type ScreeningForm, type ScreeningFormInput } from '../../../contracts/screening.ts';
import type { DbOrTx } from '../../db/client.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { screeningForms } from './cases.table.ts';
import { missingRuleField } from './screening-answers.ts';
import { defaultScreeningDefinition } from './screening-form-defaults.ts';

/**
 * Screening forms as versioned data. An affiliate with no form of its own gets Haven's as
 * version 1; saving one writes the next version and never touches an older one, because
 * answers name the version they were given on. The shipped form is stored as version 1 the
 * first time anything depends on it (a new version, or answers), so a later change to the
 * shipped defaults cannot change what an affiliate's earlier answers meant.
 */

const toForm = (caseType: CaseType, row: typeof screeningForms.$inferSelect): ScreeningForm => ({
  caseType,
  version: row.version,
  isDefault: false,
  // Stored by this module after validation; parsing again keeps a hand-edited row from reaching the screen.
  definition: ScreeningDefinition.parse({ ...row.definition, version: row.version }),
});

const shipped = (caseType: CaseType): ScreeningForm => ({ caseType, version: 1, isDefault: true, definition: defaultScreeningDefinition(caseType) });

export const screeningFormsRepo = {
  async latest(db: DbOrTx, orgId: string, caseType: CaseType): Promise<ScreeningForm> {
    const [row] = await db
      .select()
      .from(screeningForms)
      .where(and(eq(screeningForms.orgId, orgId), eq(screeningForms.caseType, caseType)))
      .orderBy(desc(screeningForms.version))
      .limit(1);
    return row ? toForm(caseType, row) : shipped(caseType);
  },
  /** One version, or null if the affiliate has none by that number (version 1 is the shipped form until stored). */
  async version(db: DbOrTx, orgId: string, caseType: CaseType, version: number): Promise<ScreeningForm | null> {
    const [row] = await db
      .select()
      .from(screeningForms)
      .where(and(eq(screeningForms.orgId, orgId), eq(screeningForms.caseType, caseType), eq(screeningForms.version, version)));
    if (row) return toForm(caseType, row);
    return version === 1 ? shipped(caseType) : null;
  },
  /** Freeze the shipped form as this affiliate's version 1 (no-op when it exists). */
  async pinDefault(db: DbOrTx, orgId: string, caseType: CaseType, userId: string | null) {
    const { fields } = defaultScreeningDefinition(caseType);
    await db.insert(screeningForms).values({ orgId, caseType, version: 1, definition: { fields }, createdBy: userId }).onConflictDoNothing();
  },
};

export async function getScreeningForm({ ctx, input }: { ctx: Ctx; input: { type: CaseType } }): Promise<ScreeningForm> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, (tx) => screeningFormsRepo.latest(tx.db, orgId, input.type));
}

/** Save a new version of the affiliate's form for a case type (audited: which fields, not the labels). */
export async function saveScreeningForm({ ctx, input }: { ctx: Ctx; input: ScreeningFormInput & { type: CaseType } }): Promise<ScreeningForm> {
  const orgId = requireOrg(ctx);
  const missing = missingRuleField(input.type, input.definition);
  if (missing) throw invalid('screening_rule_field_missing', 'definition.fields', { key: missing });
  return inTx(ctx, async (tx) => {
    const me = ctx.actor?.userId ?? null;
    const current = await screeningFormsRepo.latest(tx.db, orgId, input.type);
    if (current.isDefault) await screeningFormsRepo.pinDefault(tx.db, orgId, input.type, me);
    const version = current.version + 1;
    const [row] = await tx.db
      .insert(screeningForms)
      .values({ orgId, caseType: input.type, version, definition: { fields: input.definition.fields }, createdBy: me })
      .onConflictDoNothing()
      .returning();
    // Two admins saving at once: the second must look at the first's version before writing another.
    if (!row) throw conflict();
    await audit(tx, {
      action: 'case.screening_form_version', entityType: 'organization', entityId: orgId,
      details: { caseType: input.type, version, fields: input.definition.fields.map((f) => f.key) },
    });
    return toForm(input.type, row);
  });
}
