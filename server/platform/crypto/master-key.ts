import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A 32-byte master key and its id (a hash prefix, so wrapped keys say which master wrapped them). */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export const masterKeyId = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);

export function parseMasterKey(text: string): MasterKey {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('a master key must be 32 bytes (base64 or hex)');
  return { id: masterKeyId(key), key };
}

export interface MasterKeys {
  current: MasterKey;
  previous: MasterKey[];
  /** Where the keys came from; a key file can be rotated by `haven keys rotate --new-master`. */
  source: { kind: 'env' } | { kind: 'file'; file: string };
}

interface KeyFile {
  current: string;
  previous: string[];
}

export const keyFilePath = (dataDir: string) => path.join(dataDir, 'master.key');

/**
 * HAVEN_MASTER_KEY wins; otherwise the embedded default keeps (and on first start
 * generates) a key file readable by its owner only.
 */
export function loadMasterKeys(opts: { envKey?: string; envPrevious?: string; dataDir: string }): MasterKeys {
  if (opts.envKey) {
    const previous = (opts.envPrevious ?? '')
      .split(',')
      .filter((s) => s.trim())
      .map(parseMasterKey);
    return { current: parseMasterKey(opts.envKey), previous, source: { kind: 'env' } };
  }
  const file = keyFilePath(opts.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    const content: KeyFile = { current: crypto.randomBytes(32).toString('base64'), previous: [] };
    fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
  }
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  return {
    current: parseMasterKey(content.current),
    previous: content.previous.map(parseMasterKey),
    source: { kind: 'file', file },
  };
}

/** Generate a new current master key in the key file, keeping the old one as previous. */
export function rotateKeyFile(file: string): MasterKeys {
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  const next: KeyFile = { current: crypto.randomBytes(32).toString('base64'), previous: [content.current, ...content.previous] };
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return {
    current: parseMasterKey(next.current),
    previous: next.previous.map(parseMasterKey),
    source: { kind: 'file', file },
  };
}

/** Drop previous keys from the key file once nothing is wrapped by them any more. */
export function forgetPreviousKeys(file: string) {
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  fs.writeFileSync(file, JSON.stringify({ current: content.current, previous: [] }), { mode: 0o600 });
}

/** Read the key file again (another process may have rotated it with `keys rotate --new-master`). */
export function readKeyFile(file: string): MasterKeys {
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  return { current: parseMasterKey(content.current), previous: content.previous.map(parseMasterKey), source: { kind: 'file', file } };
}
