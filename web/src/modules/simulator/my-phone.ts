/** The member phone this browser plays, remembered so a reload keeps the conversation in view. */
const KEY = 'haven.simulator.phone';

export function storedPhone(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked (private mode): the number lasts for this page only
  }
}

export function storePhone(phone: string) {
  try {
    localStorage.setItem(KEY, phone);
  } catch {
    /* see storedPhone */
  }
}

/** The same check as the server's E.164, so the page does not ask before the number is whole. */
export const isE164 = (s: string) => /^\+[1-9]\d{6,14}$/.test(s);
