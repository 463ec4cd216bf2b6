import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * What language a text is in, and whether it reports an emergency. Deliberately light:
 * a conversation's language only decides who gets it first and the language of automatic
 * replies, and a responder can always answer in another. Data: add words to the lists.
 */

/** Hangul syllables, Jamo and compatibility Jamo: one of them makes the text Korean. */
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
/** Marks English never uses. */
const SPANISH_MARKS = /[ñ¿¡áíóú]/i;

// Short, frequent words (after folding accents); words both languages share (no, a, me) are left out.
const SPANISH_WORDS = new Set(
  'de la que el en los las por para con una un es mi su sus hola gracias ayuda necesito tengo estoy esta esto puede pueden quiero buenos buenas dias tardes noches senor senora esposo esposa hijo hija donde como cuando porque pero muy tambien ayudar informacion cita tramite papeles renovar renovacion permiso trabajo ciudadania abogado favor si usted ustedes nosotros somos soy fue hay del al'.split(' '),
);
const ENGLISH_WORDS = new Set(
  'the and is i to my you your we our of in for with what how when where can could would please help need have has am are was were this that it hello hi thanks thank renewal appointment lawyer question about do does not just'.split(' '),
);

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^a-z]+/).filter(Boolean);

export function detectLanguage(text: string): Lang {
  if (HANGUL.test(text)) return 'ko';
  const ws = words(text);
  let es = SPANISH_MARKS.test(text) ? 2 : 0;
  let en = 0;
  for (const w of ws) {
    if (SPANISH_WORDS.has(w)) es++;
    else if (ENGLISH_WORDS.has(w)) en++;
  }
  return es > en ? 'es' : 'en';
}

/**
 * Words that mean someone is being detained or enforcement is happening now, in the three
 * languages. Korean matches inside words (no spaces between particles: 체포됐어요, 구금되어);
 * English and Spanish match whole words after folding accents. "ICE" counts only in
 * capitals (ice is ice).
 */
const EMERGENCY_KO = ['체포', '구금', '단속', '연행', '잡혀', '잡아갔', '추방', '이민국'];
const EMERGENCY_WORDS = new Set([
  // English
  'detained', 'detain', 'detention', 'arrested', 'raid', 'raids', 'deported', 'deporting', 'checkpoint',
  // Spanish (folded)
  'detenido', 'detenida', 'detenidos', 'detenidas', 'detuvieron', 'detencion', 'arrestado', 'arrestada', 'arrestaron', 'redada', 'redadas', 'migra', 'deportado', 'deportada', 'deportando', 'retenido', 'retenida',
]);
const EMERGENCY_PHRASES = ['immigration agents', 'agents at', 'la migra', 'at my door', 'en mi puerta', 'agentes de inmigracion'];

export function detectEmergency(text: string): boolean {
  if (/\bICE\b/.test(text)) return true;
  if (EMERGENCY_KO.some((w) => text.includes(w))) return true;
  const folded = fold(text);
  if (words(text).some((w) => EMERGENCY_WORDS.has(w))) return true;
  return EMERGENCY_PHRASES.some((p) => folded.includes(p));
}
