import type { PersonSummary } from '../../../../contracts/people.ts';

/** "Minjun Kim" — the romanized name as entered. */
export const romanizedName = (p: Pick<PersonSummary, 'givenName' | 'familyName'>) => [p.givenName, p.familyName].filter(Boolean).join(' ');

/** "Minjun Kim (김민준)": both forms, so Korean- and English-reading staff both recognise the person. */
export const personLabel = (p: Pick<PersonSummary, 'givenName' | 'familyName' | 'nameKo'>) => {
  const roman = romanizedName(p);
  return p.nameKo ? `${roman} (${p.nameKo})` : roman;
};
