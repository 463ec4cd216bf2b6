import type { ReactNode } from 'react';

export interface DetailItem {
  term: ReactNode;
  value: ReactNode;
  key: string;
}

/** Label/value pairs (a record card). Empty values show the given placeholder instead of a blank. */
export function DetailList({ items, empty = '—' }: { items: DetailItem[]; empty?: ReactNode }) {
  return (
    <dl className="details">
      {items.map((item) => (
        <div className="details__row" key={item.key}>
          <dt>{item.term}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? <span className="muted">{empty}</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
