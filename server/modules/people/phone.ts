import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Any way a person writes a number → E.164 ("(312) 555-0142", "312.555.0142",
 * "+1 312 555 0142", "010-1234-5678" with +82). US is assumed without a country code.
 * Returns null when it is not a dialable number.
 */
export function toE164(input: string, defaultCountry: 'US' = 'US'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** Does a search look like a phone number rather than a name? */
export const looksLikePhone = (q: string) => /^[+\d\s().-]{4,}$/.test(q.trim()) && q.replace(/\D/g, '').length >= 4;
