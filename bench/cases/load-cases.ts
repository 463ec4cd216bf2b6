/**
 * Bulk load for the cases benchmark: generated people (bench/people/generate-people.ts)
 * spread over the demo affiliates, with search and conflict keys from the app's own
 * helper (people.repository.ts nameKeyColumns) and dates of birth sealed with each
 * affiliate's key, written once to a COPY file and loaded with psql's `\copy` (COPY FROM
 * STDIN). The same file loaded into an index-less copy of the table is the reference.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/db/client.ts';
import { nameKeyColumns } from '../../server/modules/people/people.repository.ts';
import type { Keyring } from '../../server/platform/crypto/keyring.ts';
import { type GeneratedPerson, rng } from '../people/generate-people.ts';

export const PEOPLE_COLUMNS = 'org_id, given_name, family_name, name_ko, other_names, search_keys, conflict_keys, phone_e164, email, preferred_language, zip, state, date_of_birth_enc, created_at, updated_at';

/** COPY text format: backslash, tab and line breaks escaped; null as \N. */
const cell = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
/** A text[] literal, every element quoted. */
const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

export interface Affiliate {
  id: string;
  slug: string;
  weight: number;
}

export interface LoadedPerson extends GeneratedPerson {
  orgId: string;
  birthDate: string | null;
}

/** Affiliate and date of birth for each person (deterministic), and the COPY file; returns ms spent on keys + sealing + writing. */
export async function writeCopyFile(file: string, generated: GeneratedPerson[], affiliates: Affiliate[], keyring: Keyring, db: Database['db']): Promise<{ people: LoadedPerson[]; ms: number; keys: number }> {
  const r = rng(7_000_001);
  const t0 = performance.now();
  const out = fs.createWriteStream(file);
  const people: LoadedPerson[] = [];
  let keys = 0;
  let buf: string[] = [];
  const flush = async () => {
    if (!out.write(buf.join(''))) await new Promise<void>((res) => out.once('drain', () => res()));
    buf = [];
  };
  for (const p of generated) {
    const orgId = r.weighted(affiliates.map((a) => [a.id, a.weight] as const));
    const birthDate = r.chance(0.6) ? `${r.int(1975, 2006)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` : null;
    const { searchKeys, conflictKeys } = nameKeyColumns(p);
    keys += conflictKeys.length;
    const dobEnc = birthDate ? await keyring.encrypt(db, orgId, birthDate) : null;
    const created = p.createdAt.toISOString();
    buf.push(
      `${[orgId, p.givenName, p.familyName, p.nameKo, p.otherNames, searchKeys].map(cell).join('\t')}\t${cell(arrayLiteral(conflictKeys))}\t${[p.phoneE164, p.email, p.preferredLanguage, p.zip, p.state, dobEnc, created, created].map(cell).join('\t')}\n`,
    );
    if (buf.length >= 5000) await flush();
    people.push({ ...p, orgId, birthDate });
  }
  await flush();
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return { people, ms: performance.now() - t0, keys };
}

/** `\copy table (cols) from file` through psql (COPY FROM STDIN); returns the wall time in ms. */
export async function copyFile(url: string, table: string, columns: string, file: string): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${table} (${columns}) from '${path.resolve(file)}'`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql \\copy exited ${code}: ${err}`))));
  });
  return performance.now() - t0;
}

/**
 * DACA records for `count` people (random, fixed seed): expiries from a year ago to two
 * years ahead, a filing for some of those inside the window, and the 180/150/120-day
 * reminders of each expiry (sent when due, else scheduled). Server-side SQL.
 */
export async function loadDaca(database: Database, count: number): Promise<number> {
  const t0 = performance.now();
  // setseed and the insert in one simple query: the same connection, so the same people every run.
  await database.exec(`select setseed(0.42);
    insert into daca_records (org_id, person_id, expires_on, last_approved_on, filed_on)
    select org_id, id, e, e - 730, case when e < current_date + 150 and random() < 0.3 then e - 120 end
    from (select org_id, id, current_date - 365 + floor(random() * 1095)::int as e
          -- the people picked first: in one select the planner shares random() between the sort and e
          from (select org_id, id from people order by random() limit ${count}) picked offset 0) s`);
  await database.exec(`
    insert into daca_reminders (org_id, daca_record_id, expires_on, days_before, due_on, status)
    select d.org_id, d.id, d.expires_on, b, d.expires_on - b, case when d.expires_on - b <= current_date then 'sent' else 'scheduled' end
    from daca_records d cross join (values (180), (150), (120)) as v(b)`);
  return performance.now() - t0;
}
