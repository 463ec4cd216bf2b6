import type { DbOrTx } from '../../db/client.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';

/**
 * What members write is sealed at rest with their affiliate's data key (docs/SECURITY.md):
 * a text may hold an A-number or a status, and a database dump must not show it. Opened only
 * where a person reads it (a thread, a message history) or intake reads its language.
 * An emptied body (retention) stays empty.
 */
export const sealBody = (keyring: Keyring, db: DbOrTx, orgId: string, body: string): Promise<string> =>
  body === '' ? Promise.resolve('') : keyring.encrypt(db, orgId, body);

export async function openBody(keyring: Keyring, db: DbOrTx, orgId: string, stored: string | null): Promise<string> {
  if (!stored) return stored ?? '';
  // Texts received before bodies were sealed are still plaintext: shown as they are.
  if (!stored.startsWith('hv1.')) return stored;
  try {
    return await keyring.decrypt(db, orgId, stored);
  } catch {
    return stored; // a member who typed "hv1." themselves
  }
}
