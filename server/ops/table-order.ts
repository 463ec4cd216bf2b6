/**
 * Order tables so that every table comes after the tables its foreign keys point to:
 * restore inserts in this order, so non-deferrable foreign keys hold at every statement.
 * Ties are broken by name, so the same schema always gives the same order (a backup and
 * the database it is restored into agree on it).
 *
 * A table that references itself cannot be ordered this way (its rows would need ordering
 * among themselves); it is reported so restore can switch the checks off for the load.
 * A cycle between different tables is an error.
 */
export function orderTables(tables: string[], fks: { child: string; parent: string }[]) {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  const selfReferencing: string[] = [];
  for (const { child, parent } of fks) {
    if (!known.has(child) || !known.has(parent)) continue;
    if (child === parent) {
      if (!selfReferencing.includes(child)) selfReferencing.push(child);
      continue;
    }
    parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length) {
    const i = remaining.findIndex((t) => [...parents.get(t)!].every((p) => placed.has(p)));
    if (i < 0) throw new Error(`foreign keys form a cycle among: ${remaining.join(', ')}`);
    const [next] = remaining.splice(i, 1);
    order.push(next);
    placed.add(next);
  }
  return { order, selfReferencing: selfReferencing.sort() };
}

/** True when `order` puts every table after its parents (checks a backup's order against this database). */
export function satisfiesForeignKeys(order: string[], fks: { child: string; parent: string }[]): boolean {
  const pos = new Map(order.map((t, i) => [t, i]));
  return fks.every(({ child, parent }) => child === parent || !pos.has(child) || !pos.has(parent) || pos.get(parent)! < pos.get(child)!);
}
