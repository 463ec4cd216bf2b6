import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ALERT_TOPICS } from '../../../contracts/alerts.ts';
import { AppError } from '../../platform/errors.ts';
import { toE164 } from '../people/index.ts';

/**
 * Reading a subscriber CSV, pure (no database): bytes → text → rows → checked rows.
 *
 * Encoding: strict UTF-8 (a BOM is fine), else EUC-KR (what Korean Excel saves as "CSV"),
 * decoded by Node's own TextDecoder (full ICU). Both decoders are `fatal`, so a file that is
 * neither is refused with `import_encoding_unknown` instead of being read as mojibake.
 * Parsing is csv-parse's (quotes, commas and newlines inside fields, CRLF).
 */
export type ImportLang = 'ko' | 'en' | 'es';
export interface ImportRow {
  line: number;
  name: string;
  phone: string | null;
  email: string | null;
  lang: ImportLang;
  zip: string | null;
  /** Optional: no ZIP→county table ships with Haven, so counties come from the org's own lists. */
  county?: string | null;
  topics: string[];
  tags: string[];
}
export interface RowError {
  line: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'euc-kr' } {
  for (const encoding of ['utf-8', 'euc-kr'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
    } catch {
      /* try the next */
    }
  }
  throw new AppError('import_encoding_unknown', 400, {}, 'file');
}

/** Header names in English, Korean and Spanish (lower-cased, spaces and accents as people type them). */
const HEADERS: Record<keyof Omit<ImportRow, 'line'>, string[]> = {
  name: ['name', 'full name', '이름', '성명', 'nombre', 'nombre completo'],
  phone: ['phone', 'phone number', 'mobile', 'cell', '전화', '전화번호', '휴대폰', '휴대전화', 'teléfono', 'telefono', 'celular'],
  email: ['email', 'e-mail', 'email address', '이메일', '전자우편', 'correo', 'correo electrónico', 'correo electronico', 'email'],
  lang: ['language', 'lang', '언어', '사용 언어', 'idioma'],
  zip: ['zip', 'zip code', 'zipcode', 'postal code', '우편번호', 'código postal', 'codigo postal', 'cp'],
  topics: ['topics', 'topic', '주제', '관심 주제', 'temas', 'tema'],
  tags: ['tags', 'tag', '태그', 'etiquetas', 'etiqueta'],
  county: ['county', 'county name', '카운티', '군', 'condado'],
};
const HEADER_INDEX = new Map<string, keyof typeof HEADERS>();
for (const [field, names] of Object.entries(HEADERS) as [keyof typeof HEADERS, string[]][]) for (const n of names) HEADER_INDEX.set(n, field);

const LANG_WORDS: Record<string, ImportLang> = {
  ko: 'ko', kr: 'ko', korean: 'ko', '한국어': 'ko', '한국말': 'ko', coreano: 'ko',
  en: 'en', english: 'en', '영어': 'en', inglés: 'en', ingles: 'en',
  es: 'es', spanish: 'es', español: 'es', espanol: 'es', '스페인어': 'es',
};
const TOPIC_SET = new Set<string>(ALERT_TOPICS);
const Email = z.email();

export const MAX_IMPORT_ROWS = 50_000;

/** Text → checked rows and errors by line. Fails as a whole only when there is no usable header. */
export function readSubscriberCsv(text: string): { rows: ImportRow[]; errors: RowError[]; total: number } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Any line ending, even mixed (a file pasted together from two sources).
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new AppError('import_csv_malformed', 400, { line }, 'file');
  }
  if (!records.length) throw new AppError('import_empty', 400, {}, 'file');
  const columns = records[0].record.map((h) => HEADER_INDEX.get(h.normalize('NFC').trim().toLowerCase()) ?? null);
  if (!columns.includes('phone') && !columns.includes('email')) throw new AppError('import_no_contact_column', 400, {}, 'file');
  if (records.length - 1 > MAX_IMPORT_ROWS) throw new AppError('import_too_many_rows', 400, { max: MAX_IMPORT_ROWS }, 'file');

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records.slice(1)) {
    // info.lines is where the record ends; a quoted field may span lines, and people look for where it starts.
    const line = info.lines - record.reduce((n, f) => n + (f.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    const cell = (f: keyof typeof HEADERS) => {
      const i = columns.indexOf(f);
      return i >= 0 ? (record[i] ?? '').normalize('NFC').trim() : '';
    };
    const before = errors.length;
    const name = cell('name').slice(0, 200);
    let phone: string | null = null;
    if (cell('phone')) {
      phone = toE164(cell('phone'));
      if (!phone) errors.push({ line, field: 'phone', code: 'invalid_phone', params: { value: cell('phone').slice(0, 40) } });
    }
    let email: string | null = null;
    if (cell('email')) {
      email = cell('email').toLowerCase();
      if (!Email.safeParse(email).success || email.length > 320) errors.push({ line, field: 'email', code: 'invalid_email', params: { value: cell('email').slice(0, 80) } });
    }
    if (!cell('phone') && !cell('email')) errors.push({ line, field: 'phone', code: 'contact_required' });
    const langWord = cell('lang').toLowerCase();
    const lang = langWord ? (Object.hasOwn(LANG_WORDS, langWord) ? LANG_WORDS[langWord] : undefined) : 'en';
    if (!lang) errors.push({ line, field: 'language', code: 'import_unknown_language', params: { value: langWord.slice(0, 40) } });
    let zip: string | null = cell('zip') || null;
    if (zip) {
      const m = /^(\d{5})(-\d{4})?$/.exec(zip);
      if (!m) errors.push({ line, field: 'zip', code: 'invalid_zip', params: { value: zip.slice(0, 20) } });
      zip = m ? m[1] : null;
    }
    const topicWords = cell('topics').toLowerCase().split(/[;,|\s]+/).filter(Boolean);
    const badTopic = topicWords.find((w) => !TOPIC_SET.has(w));
    if (badTopic) errors.push({ line, field: 'topics', code: 'import_unknown_topic', params: { value: badTopic.slice(0, 40), topics: ALERT_TOPICS.join(', ') } });
    // No topics: every topic. The org's consent covers its alerts; the person narrows them on their preferences page.
    const topics = topicWords.length ? [...new Set(topicWords)] : [...ALERT_TOPICS];
    const tags = [...new Set(cell('tags').toLowerCase().split(/[;,|]+/).map((s) => s.trim()).filter(Boolean))].map((s) => s.slice(0, 40)).slice(0, 50);
    const county = cell('county').replace(/\s+county$/i, '').trim().slice(0, 80) || null;
    if (errors.length === before) rows.push({ line, name, phone, email, lang: lang!, zip, county, topics, tags });
  }
  return { rows, errors, total: records.length - 1 };
}
