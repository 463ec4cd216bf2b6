import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every UI string exists in ko, en and es: same files, same keys, no empty strings, and
 * the same {{placeholders}} (a translation that drops {{name}} would show a blank to users).
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const LANGS = ['en', 'ko', 'es'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of flatten(value, full)) out.set(k, v);
    else out.set(full, value as unknown as string); // arrays, numbers, null: reported as "not a string" below
  }
  return out;
}

function load(lang: string): Map<string, string> {
  const dir = path.join(root, lang);
  const strings = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const ns = file.replace(/\.json$/, '');
    const tree = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) strings.set(`${ns}:${k}`, v);
  }
  return strings;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

const all = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<(typeof LANGS)[number], Map<string, string>>;
const everyKey = [...new Set(LANGS.flatMap((l) => [...all[l].keys()]))].sort();

describe('locales', () => {
  it('has the same namespace files in every language', () => {
    const files = (lang: string) => fs.readdirSync(path.join(root, lang)).filter((f) => f.endsWith('.json')).sort();
    for (const lang of LANGS) expect(files(lang), lang).toEqual(files('en'));
  });

  it('has every key in every language', () => {
    const missing = LANGS.flatMap((lang) => everyKey.filter((k) => !all[lang].has(k)).map((k) => `${lang} is missing ${k}`));
    expect(missing).toEqual([]);
  });

  it('has no empty or non-string values', () => {
    const bad = LANGS.flatMap((lang) =>
      [...all[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k, v]) => `${lang} ${k} = ${JSON.stringify(v)}`),
    );
    expect(bad).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    const mismatched: string[] = [];
    for (const key of everyKey) {
      const en = all.en.get(key);
      if (typeof en !== 'string') continue;
      for (const lang of LANGS) {
        const v = all[lang].get(key);
        if (typeof v !== 'string') continue;
        const a = placeholders(en).join(',');
        const b = placeholders(v).join(',');
        // Compare the sets: a language may repeat a placeholder or order it differently.
        if ([...new Set(placeholders(en))].join(',') !== [...new Set(placeholders(v))].join(',')) {
          mismatched.push(`${lang} ${key}: en has {${a}}, ${lang} has {${b}}`);
        }
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('has no stray single-brace placeholders (a typo for {{name}})', () => {
    const stray = LANGS.flatMap((lang) =>
      [...all[lang]].filter(([, v]) => typeof v === 'string' && /(^|[^{])\{[a-zA-Z_]+\}(?!\})/.test(v)).map(([k, v]) => `${lang} ${k}: ${v}`),
    );
    expect(stray).toEqual([]);
  });
});
