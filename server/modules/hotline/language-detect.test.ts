import { describe, expect, it } from 'vitest';
import { detectEmergency, detectLanguage } from './language-detect.ts';

describe('detectLanguage', () => {
  it.each([
    ['안녕하세요, DACA 갱신 문의드립니다', 'ko'],
    ['DACA 갱신', 'ko'],
    ['ㅠㅠ help', 'ko'],
    ['Hola, necesito ayuda con mi renovación de DACA', 'es'],
    ['¿Dónde está la oficina?', 'es'],
    ['mi esposo fue detenido', 'es'],
    ['gracias', 'es'],
    ['Hello, I need help with my DACA renewal', 'en'],
    ['DACA', 'en'],
    ['', 'en'],
    ['12345', 'en'],
    ['What do I need for the appointment? Es urgente', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('detectEmergency', () => {
  it.each([
    ['My husband was detained this morning', true],
    ['ICE is outside our building', true],
    ['There is a raid at the factory', true],
    ['남편이 체포되었어요', true],
    ['아버지가 구금되어 있습니다', true],
    ['집 앞에 단속이 있어요', true],
    ['Mi hermano está detenido', true],
    ['Hay una redada en la tienda', true],
    ['llegó la migra', true],
    ['I want ice cream', false],
    ['DACA 갱신 문의드립니다', false],
    ['Necesito renovar mi permiso de trabajo', false],
    ['When is the citizenship workshop?', false],
  ])('%s → %s', (text, emergency) => {
    expect(detectEmergency(text)).toBe(emergency);
  });
});
