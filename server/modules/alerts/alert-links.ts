import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

type Lang = 'ko' | 'en' | 'es';

/** http(s) URLs in an alert's text, up to the first space or closing bracket/quote. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'）)]+/g;
/** URLs already pointing at Haven's own short links are left alone. */
const isShort = (url: string, base: string) => url.startsWith(`${base}/l/`);

/** 7 characters of base-62: 3.5 trillion codes, unguessable enough for a public redirect that reveals only a public URL. */
function newCode(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.randomBytes(7);
  return [...bytes].map((b) => alphabet[b % 62]).join('');
}

/**
 * Replace each link in an alert's text with a Haven short link (`<PUBLIC_URL>/l/CODE`), one per
 * alert, language and URL, so clicks are counted per language and an SMS spends fewer
 * characters. Idempotent per (alert, lang, url): a retried hand-over reuses the code.
 */
export async function shortenLinks(db: DbOrTx, q: { alertId: string; orgId: string; lang: Lang; text: string; publicUrl: string }): Promise<string> {
  const urls = [...new Set(q.text.match(URL_IN_TEXT) ?? [])].filter((u) => !isShort(u, q.publicUrl));
  if (!urls.length) return q.text;
  const codes = new Map<string, string>();
  for (const url of urls) {
    await db.execute(sql`
      insert into alert_links (code, alert_id, org_id, lang, url) values (${newCode()}, ${q.alertId}, ${q.orgId}, ${q.lang}, ${url})
      on conflict (alert_id, lang, url) do nothing`);
    const [row] = await queryRows<{ code: string }>(db, sql`select code from alert_links where alert_id = ${q.alertId} and lang = ${q.lang} and url = ${url}`);
    codes.set(url, row.code);
  }
  return q.text.replace(URL_IN_TEXT, (url) => (codes.has(url) ? `${q.publicUrl}/l/${codes.get(url)}` : url));
}

/** Follow a short link: counts the click and answers the target, or null for an unknown code. */
export async function followLink(db: DbOrTx, code: string): Promise<string | null> {
  if (!/^[0-9A-Za-z]{7}$/.test(code)) return null;
  const [row] = await queryRows<{ url: string }>(db, sql`update alert_links set clicks = clicks + 1 where code = ${code} returning url`);
  return row?.url ?? null;
}

export async function clicksByLanguage(db: DbOrTx, alertId: string): Promise<{ lang: Lang; clicks: number }[]> {
  return queryRows<{ lang: Lang; clicks: number }>(db, sql`select lang, sum(clicks)::int as clicks from alert_links where alert_id = ${alertId} group by lang order by lang`);
}
