import type { Deps } from '../../platform/context.ts';

/**
 * A short-lived per-process memory of what every webhook looks up first: which org a number
 * belongs to and that org's provider settings. During a surge the same few numbers are
 * asked for hundreds of times a second; the answers change only when an admin edits a
 * number or the provider settings. This process forgets at once on such an edit (see
 * forgetLookups); another web process notices within TTL_MS.
 */
const TTL_MS = 10_000;
const caches = new WeakMap<Deps, Map<string, { at: number; value: Promise<unknown> }>>();

export async function cachedLookup<T>(deps: Deps, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { at: Date.now(), value });
  // A failed or empty look-up is not remembered: the next request asks the database again.
  value.then((v) => v ?? cache.delete(key), () => cache.delete(key));
  return value;
}

/** After an edit to numbers or provider settings in this process. */
export function forgetLookups(deps: Deps) {
  caches.get(deps)?.clear();
}
