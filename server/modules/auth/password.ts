import argon2 from 'argon2';

/** argon2id with OWASP's minimum profile (19 MiB, 2 passes): ~30 ms here, slow for an offline attacker. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

// Verifying against a fixed hash when the user does not exist keeps the timing the same,
// so response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
