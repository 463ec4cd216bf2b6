import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERT_STATUSES, ALERT_TOPICS, TRANSLATION_STATUSES } from '../../../../contracts/alerts.ts';
import en from '../../../locales/en/alerts.json';
import es from '../../../locales/es/alerts.json';
import ko from '../../../locales/ko/alerts.json';

const here = fileURLToPath(new URL('.', import.meta.url));
const lookup = (strings: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);

/** Keys written out in the pages (t('a.b') without another namespace), plus the ones built from data. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(here).filter((f) => f.endsWith('.tsx'))) {
    const src = readFileSync(`${here}/${file}`, 'utf8');
    for (const m of src.matchAll(/\bt\('([\w.]+)'(, \{[^}]*\})?/g)) if (!m[2]?.includes('ns:')) keys.add(m[1]);
  }
  const add = (prefix: string, xs: readonly string[]) => xs.forEach((x) => keys.add(`${prefix}.${x}`));
  add('statuses', ALERT_STATUSES);
  add('topics', ALERT_TOPICS);
  add('kinds', ['alert', 'correction', 'retraction']);
  add('channels', ['sms', 'email']);
  add('translation.statuses', TRANSLATION_STATUSES);
  add('translation.actions', ['needs_review', 'approved']);
  add('translation.actionsFor', ['needs_review', 'approved']);
  add('actions', ['submit', 'return_to_draft', 'approve', 'send', 'schedule', 'pause', 'resume', 'cancel']);
  for (const m of ['send', 'pause', 'resume', 'cancel']) add(`confirm.${m}`, ['title', 'body']);
  add('progress', ['total', 'sent', 'delivered', 'failed', 'optedOut', 'pending', 'queued']);
  add('progress.feed', ['connecting', 'live', 'polling', 'final']);
  add('save', ['saved', 'unsaved', 'saving', 'error']);
  add('audience', ['states', 'zips', 'counties', 'tags', 'statesHint', 'zipsHint', 'countiesHint', 'tagsHint']);
  add('duration', ['seconds', 'minutes', 'hours']);
  add('followUp', ['correction', 'retraction']);
  return [...keys];
}

describe('alert page strings', () => {
  it('finds the keys the pages use (the scan itself works)', () => {
    expect(usedKeys()).toEqual(expect.arrayContaining(['list.title', 'meter.forcesUcs2', 'preview.recipients']));
  });
  for (const [lang, strings] of Object.entries({ en, ko, es })) {
    it(`has every key the pages use in ${lang}`, () => {
      const missing = usedKeys().filter((k) => typeof lookup(strings, k) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
