import { createHash } from 'node:crypto';

/**
 * Haven's UUID namespace for HSDS ids. Fixed for good: changing it changes every id Haven has
 * ever exported, and partners that synced our directory would see every record as new.
 */
export const HAVEN_HSDS_NAMESPACE = 'a91e9026-e736-4228-90c3-f31623ff32fe';

/**
 * UUID v5 (RFC 9562 §5.5: SHA-1 of namespace + name). HSDS wants UUID ids that stay the same
 * from one export to the next; deriving them from our own ids needs no id table and no new
 * dependency.
 */
export function uuidV5(name: string, namespace: string = HAVEN_HSDS_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`uuidV5: bad namespace ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122/9562 variant
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The id of the HSDS record that plays `role` for one provider ('organization', 'service',
 * 'language:ko', 'service_area:VA', …). Roles name the value, not its position, so reordering a
 * provider's languages does not renumber its records.
 */
export const providerRecordId = (providerId: string, role: string): string => uuidV5(`provider:${providerId}:${role}`);
