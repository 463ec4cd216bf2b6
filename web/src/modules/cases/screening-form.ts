import type { LocalizedText, ScreeningAnswers, ScreeningDefinition } from '../../../../contracts/screening.ts';

export type UiLang = keyof LocalizedText;
/** Form state: every field as a string ('' = not answered; yes/no as 'yes'/'no'). */
export type ScreeningValues = Record<string, string>;

export const uiLang = (lang: string | undefined): UiLang => {
  const l = (lang ?? 'en').slice(0, 2);
  return l === 'ko' || l === 'es' ? l : 'en';
};

/** A label in the page's language, else English (a definition always has all three, but be kind to old data). */
export const localized = (text: LocalizedText | undefined, lang: UiLang): string | undefined => (text ? text[lang] || text.en : undefined);

export function toValues(def: ScreeningDefinition, answers: ScreeningAnswers | undefined): ScreeningValues {
  const values: ScreeningValues = {};
  for (const f of def.fields) {
    const v = answers?.[f.key];
    values[f.key] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : (v ?? '');
  }
  return values;
}

/** The answers to send: unanswered fields left out, yes/no as booleans. The server checks the rest. */
export function toAnswers(def: ScreeningDefinition, values: ScreeningValues): ScreeningAnswers {
  const answers: ScreeningAnswers = {};
  for (const f of def.fields) {
    const v = (values[f.key] ?? '').trim();
    if (!v) continue;
    answers[f.key] = f.kind === 'yes_no' ? v === 'yes' : v;
  }
  return answers;
}

/** Server errors name `answers.<key>`: the field names this form can place an error beside. */
export const errorFields = (def: ScreeningDefinition) => def.fields.map((f) => `answers.${f.key}`);
