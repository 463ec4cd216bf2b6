import type { Audience } from '../../../../contracts/alerts.ts';

/**
 * The audience's free-text lists (ZIPs, counties, states, tags) as people type them: commas,
 * semicolons or new lines between entries. Counties may contain spaces ("Cook County"), so
 * only ZIPs, states and tags also split on spaces.
 */
export type ListKind = 'zips' | 'counties' | 'states' | 'tags';

const SEPARATORS: Record<ListKind, RegExp> = {
  zips: /[\s,;]+/,
  states: /[\s,;]+/,
  tags: /[\s,;]+/,
  counties: /[,;\n]+/,
};
const VALID: Record<ListKind, RegExp> = {
  zips: /^\d{5}$/,
  states: /^[A-Z]{2}$/,
  tags: /^.{1,40}$/,
  counties: /^.{1,80}$/,
};
const normalize: Record<ListKind, (s: string) => string> = {
  zips: (s) => s,
  states: (s) => s.toUpperCase(),
  tags: (s) => s.toLowerCase(),
  counties: (s) => s,
};

export interface ParsedList {
  values: string[];
  /** Entries that would be refused (shown beside the field, left out of the audience). */
  invalid: string[];
}

export function parseList(text: string, kind: ListKind): ParsedList {
  const values: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(SEPARATORS[kind])) {
    const v = normalize[kind](raw.trim());
    if (!v) continue;
    if (!VALID[kind].test(v)) invalid.push(v);
    else if (!values.includes(v)) values.push(v);
  }
  return { values, invalid };
}

export const formatList = (values: readonly string[]) => values.join(', ');

/** Add or remove one value of a multiple choice, keeping the order of `all`. */
export function toggle<T>(list: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return all.filter((v) => set.has(v));
}

/** The same audience (ignoring order), so an unchanged form does not save or re-preview. */
export function sameAudience(a: Audience, b: Audience): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(a: Audience) {
  const sorted = (xs: readonly string[]) => [...xs].sort();
  return {
    orgIds: sorted(a.orgIds),
    states: sorted(a.states),
    zips: sorted(a.zips),
    counties: sorted(a.counties),
    langs: sorted(a.langs),
    topics: sorted(a.topics),
    tags: sorted(a.tags),
    channels: sorted(a.channels),
    alsoSourceLang: a.alsoSourceLang,
  };
}
