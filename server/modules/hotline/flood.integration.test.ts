import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/rows.ts';
import { sql } from 'drizzle-orm';
import { FLOOD_TEXTS_PER_MINUTE } from '../messaging/record-texts.ts';
import { addSenders, text } from './conversations.test-helpers.ts';

/** One number flooding the hotline is slowed without blocking anyone else: its hand-offs go to the back of the queue. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
});
afterAll(() => t?.close());

describe('a number flooding the hotline', () => {
  it('keeps every text, and files the flood after everyone else', async () => {
    const flood = '+17735550901';
    for (let i = 0; i < FLOOD_TEXTS_PER_MINUTE + 3; i++) await text(t, flood, `spam ${i}`);
    await text(t, '+17735550902', 'I need help with DACA');
    const jobs = await queryRows<{ from: string; priority: number }>(t.deps.database.db, sql`
      select m.from_address as from, j.priority
      from pgboss.job j join inbound_messages m on m.id = (j.data->>'inboundId')::uuid
      where j.name = 'messaging.inbound-text'`);
    const of = (from: string) => jobs.filter((j) => j.from === from).map((j) => j.priority);
    // Every text is recorded and handed over; past the limit, at a lower priority.
    expect(of(flood)).toHaveLength(FLOOD_TEXTS_PER_MINUTE + 3);
    expect(of(flood).filter((p) => p === 0)).toHaveLength(FLOOD_TEXTS_PER_MINUTE);
    expect(of(flood).filter((p) => p < 0)).toHaveLength(3);
    expect(of('+17735550902')).toEqual([0]);
  });
});
