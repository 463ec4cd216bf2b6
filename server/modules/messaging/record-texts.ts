import DataLoader from 'dataloader';
import { sql } from 'drizzle-orm';
import type { InboundSms } from '../../integrations/sms/sms-webhook-payloads.ts';
import type { Deps } from '../../platform/context.ts';
import { rowsOf } from '../../db/client.ts';
import { sealBody } from './message-body.ts';
import { INBOUND_TEXT_QUEUE, type InboundTextJob } from './queues.ts';
import type { Sender } from './webhook-auth.ts';

/**
 * Group commit for texts that are not keywords (nearly all of a surge): webhooks that
 * arrive while a batch is being written wait and go in the next one, so a burst costs one
 * transaction per batch instead of one per text. The webhook still answers only after its
 * text and its hand-off job have committed. When nothing is in flight a text is written at
 * once (no added wait on a quiet night).
 *
 * DataLoader does the batching (a well-kept library made for exactly this); the schedule
 * below holds a batch open while the previous ones are still writing.
 */
export interface TextToRecord {
  sms: InboundSms;
  sender: Sender;
}
export type RecordedText = { duplicate: boolean };

/** More texts than this from one number in a minute is a flood (a stuck phone, a script, an attack), not a person. */
export const FLOOD_TEXTS_PER_MINUTE = 10;
/** pg-boss fetches higher priorities first (default 0): a flood's hand-offs wait until others' are done. */
const FLOOD_PRIORITY = -10;
/** Batches writing at once; more would only queue for the same cores and connections. */
const MAX_IN_FLIGHT = 2;
const MAX_BATCH = 200;

const recorders = new WeakMap<Deps, DataLoader<TextToRecord, RecordedText>>();

export function recordText(deps: Deps, text: TextToRecord): Promise<RecordedText> {
  let loader = recorders.get(deps);
  if (!loader) recorders.set(deps, (loader = createRecorder(deps)));
  return loader.load(text);
}

function createRecorder(deps: Deps) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  return new DataLoader<TextToRecord, RecordedText>(
    async (texts) => {
      inFlight++;
      try {
        return await writeBatch(deps, texts);
      } catch (err) {
        // One bad text must not fail the others: write each alone, so only its own webhook fails (and the provider retries it).
        deps.log.warn({ err, texts: texts.length }, 'text batch failed; writing one by one');
        return Promise.all(texts.map((t) => writeBatch(deps, [t]).then((r) => r[0], (e: Error) => e)));
      } finally {
        inFlight--;
        waiting.shift()?.();
      }
    },
    {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (dispatch) => (inFlight < MAX_IN_FLIGHT ? setImmediate(dispatch) : waiting.push(dispatch)),
    },
  );
}

/** One transaction: the texts (person found by phone, duplicates by MessageSid skipped), the flood counts, the hand-off jobs. */
async function writeBatch(deps: Deps, texts: readonly TextToRecord[]): Promise<RecordedText[]> {
  // A provider retry can land in the same batch as the original: only the first is written.
  const firstBySid = new Map<string, number>();
  texts.forEach((t, i) => firstBySid.has(t.sms.messageSid) || firstBySid.set(t.sms.messageSid, i));
  const unique = [...firstBySid.values()].map((i) => texts[i]);
  const col = <T>(f: (t: TextToRecord) => T) => sql.param(unique.map(f));

  const written = await deps.database.db.transaction(async (tx) => {
    const sealed: string[] = [];
    for (const t of unique) sealed.push(await sealBody(deps.keyring, tx, t.sender.orgId, t.sms.body));
    const rows = await rowsOf<{ id: string; provider_id: string; org_id: string; from_address: string }>(tx, sql`
      insert into inbound_messages (org_id, provider_id, from_address, to_address, sender_id, person_id, body, segments, lang, from_state, from_zip)
      select t.org_id, t.provider_id, t.from_address, t.to_address, t.sender_id, p.id, t.body, t.segments, p.preferred_language, t.from_state, t.from_zip
      from unnest(${col((t) => t.sender.orgId)}::uuid[], ${col((t) => t.sms.messageSid)}::text[], ${col((t) => t.sms.from)}::text[],
                  ${col((t) => t.sms.to)}::text[], ${col((t) => t.sender.id)}::uuid[], ${sql.param(sealed)}::text[],
                  ${col((t) => t.sms.numSegments ?? 1)}::int[], ${col((t) => t.sms.fromState)}::text[], ${col((t) => t.sms.fromZip)}::text[])
        with ordinality as t(org_id, provider_id, from_address, to_address, sender_id, body, segments, from_state, from_zip, ord)
      left join lateral (
        select id, preferred_language from people
        where people.org_id = t.org_id and people.phone_e164 = t.from_address and people.merged_into_id is null
        limit 1
      ) p on true
      order by t.ord
      on conflict (provider_id) do nothing
      returning id, provider_id, org_id, from_address`);
    if (!rows.length) return [];
    const recent = await rowsOf<{ org_id: string; from_address: string; n: number }>(tx, sql`
      select m.org_id, m.from_address, count(*)::int as n
      from inbound_messages m
      join (select distinct * from unnest(${sql.param(rows.map((r) => r.org_id))}::uuid[], ${sql.param(rows.map((r) => r.from_address))}::text[]) as s(org_id, from_address)) s
        on m.org_id = s.org_id and m.from_address = s.from_address
      where m.received_at > now() - interval '60 seconds'
      group by 1, 2`);
    const flooding = new Set(recent.filter((r) => Number(r.n) > FLOOD_TEXTS_PER_MINUTE).map((r) => `${r.org_id} ${r.from_address}`));
    const marked = rows.map((r) => ({ ...r, flooding: flooding.has(`${r.org_id} ${r.from_address}`) }));
    // Hand-off to the hotline (it works this queue): committed with the texts, so neither exists without the other.
    // A number flooding us is slowed, not blocked: its texts are still filed, after everyone else's.
    await deps.jobs.enqueue<InboundTextJob>(tx, INBOUND_TEXT_QUEUE, marked.map((r) => ({ data: { orgId: r.org_id, inboundId: r.id }, ...(r.flooding ? { priority: FLOOD_PRIORITY } : {}) })));
    return marked;
  });
  const writtenSids = new Set(written.map((r) => r.provider_id));
  return texts.map((t, i) => ({ duplicate: firstBySid.get(t.sms.messageSid) !== i || !writtenSids.has(t.sms.messageSid) }));
}
