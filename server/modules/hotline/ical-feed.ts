import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import ical from 'ical-generator';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { inTx, requireOrg } from '../../platform/db-context.ts';
import { notFound } from '../../platform/errors.ts';
import { t, type Lang } from '../../platform/i18n/i18n.ts';
import { memberships, organizations, users } from '../organizations/organizations.table.ts';
import { hotlineResponders, hotlineShifts } from './hotline.table.ts';
import { loadOverridesAround } from './on-call.ts';
import { requireUser } from './responders.ts';
import { toRecurring } from './shift-schedule.ts';
import { concreteIntervals } from './shift-times.ts';

/**
 * A responder's shifts as an iCalendar feed (RFC 5545) behind a secret URL, for the
 * calendar app on their phone. The secret is 32 random bytes; only its SHA-256 is stored
 * (hotline_responders.ical_token_hash), so a database dump cannot be turned into feed URLs,
 * and making a new link revokes the old one.
 */

const PAST_DAYS = 7;
const AHEAD_DAYS = 60;

const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');
export const feedUrl = (ctx: Ctx, token: string) => `${ctx.deps.config.publicUrl}/p/hotline/ical/${token}.ics`;

/** Make (or replace) the caller's calendar link; the URL is returned this once. */
export async function rotateCalendarLink({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  const userId = requireUser(ctx);
  const token = crypto.randomBytes(32).toString('base64url');
  return inTx(ctx, async (tx) => {
    const updated = await tx.db
      .update(hotlineResponders)
      .set({ icalTokenHash: hashToken(token) })
      .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, userId), eq(hotlineResponders.active, true)))
      .returning({ userId: hotlineResponders.userId });
    if (!updated.length) throw notFound('responder');
    await audit(tx, { action: 'hotline.calendar_link_rotate', entityType: 'hotline_responder', entityId: userId });
    return { url: feedUrl(tx, token) };
  });
}

export async function revokeCalendarLink({ ctx }: { ctx: Ctx; input?: undefined }) {
  const orgId = requireOrg(ctx);
  const userId = requireUser(ctx);
  return inTx(ctx, async (tx) => {
    const updated = await tx.db
      .update(hotlineResponders)
      .set({ icalTokenHash: null })
      .where(and(eq(hotlineResponders.orgId, orgId), eq(hotlineResponders.userId, userId)))
      .returning({ userId: hotlineResponders.userId });
    if (!updated.length) throw notFound('responder');
    await audit(tx, { action: 'hotline.calendar_link_revoke', entityType: 'hotline_responder', entityId: userId });
    return { ok: true as const };
  });
}

/**
 * The same shift occurrence gets the same UID on every fetch; a change to its times or role
 * makes a new UID (the old event drops out of the feed), so SEQUENCE stays 0 and calendar
 * apps never have to reconcile an edited event.
 */
const uidOf = (parts: (string | null)[], host: string) => `${crypto.createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 32)}@${host}`;

/** The feed for a secret, or null when it names no active responder (the route answers 404). */
export async function renderCalendarFeed({ ctx, input }: { ctx: Ctx; input: { token: string; now?: Date } }): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(input.token)) return null;
  // The token is the only credential and names the org: look it up as the system (no org yet),
  // then read that one org's schedule under its tenant wall.
  const [who] = await ctx.deps.database.db
    .select({ orgId: hotlineResponders.orgId, userId: hotlineResponders.userId, lang: users.language, orgName: organizations.name })
    .from(hotlineResponders)
    .innerJoin(users, eq(users.id, hotlineResponders.userId))
    .innerJoin(memberships, and(eq(memberships.userId, hotlineResponders.userId), eq(memberships.orgId, hotlineResponders.orgId)))
    .innerJoin(organizations, eq(organizations.id, hotlineResponders.orgId))
    .where(and(eq(hotlineResponders.icalTokenHash, hashToken(input.token)), eq(hotlineResponders.active, true), isNull(users.disabledAt)));
  if (!who) return null;
  const now = input.now ?? new Date();
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
  return inTx(
    ctx,
    async (tx) => {
      const shiftRows = await tx.db.select().from(hotlineShifts).where(and(eq(hotlineShifts.orgId, who.orgId), eq(hotlineShifts.userId, who.userId)));
      const overrides = (await loadOverridesAround(tx.db, who.orgId, from, to)).filter((o) => o.userId === who.userId);
      const created = new Map<string, Date>([...shiftRows.map((s) => [s.id, s.createdAt] as const), ...overrides.map((o) => [o.id, o.createdAt] as const)]);
      const lang = who.lang as Lang;
      const host = new URL(tx.deps.config.publicUrl).hostname || 'haven';
      const cal = ical({ name: t(lang, 'hotline_shifts.calendar_name', { org: who.orgName }), prodId: { company: 'Haven', product: 'hotline-shifts', language: lang.toUpperCase() }, ttl: 60 * 60 });
      for (const i of concreteIntervals(shiftRows.map(toRecurring), overrides, from, to)) {
        const role = t(lang, `hotline_shifts.roles.${i.role}`);
        const source = i.shiftId ?? i.overrideId;
        cal.createEvent({
          id: uidOf([source, who.userId, i.role, i.start.toISOString(), i.end.toISOString()], host),
          start: i.start,
          end: i.end,
          // The last revision of the calendar data (RFC 5545 §3.8.7.2): fixed, so the feed only changes when the schedule does.
          stamp: created.get(source!) ?? i.start,
          sequence: 0,
          summary: t(lang, 'hotline_shifts.event_title', { role }),
          description: t(lang, 'hotline_shifts.event_description', { org: who.orgName }),
        });
      }
      return cal.toString();
    },
    { orgId: who.orgId },
  );
}
