import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** Label shown before the value when rows become cards on narrow screens. */
  cardLabel?: string;
  render: (row: Row) => ReactNode;
  /** The column that titles the card on narrow screens (usually the name). */
  primary?: boolean;
  className?: string;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Hide the caption visually (it still names the table for screen readers). */
  hideCaption?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
}

/**
 * A table that becomes a list of cards under 600 px (see .data-table in styles.css). The
 * explicit roles keep table semantics when CSS changes the display of table elements,
 * which otherwise drops them in some browsers.
 */
export function DataTable<Row>({ caption, hideCaption, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  if (rows.length === 0 && empty) return <div className="data-table__empty">{empty}</div>;
  return (
    <div className="data-table__wrap">
      <table className="data-table" role="table">
        <caption className={hideCaption ? 'visually-hidden' : 'data-table__caption'}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => (
              <th key={c.key} scope="col" role="columnheader" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((c) => (
                <td
                  key={c.key}
                  role="cell"
                  data-label={c.primary ? undefined : (c.cardLabel ?? (typeof c.header === 'string' ? c.header : undefined))}
                  className={[c.primary ? 'data-table__primary' : '', c.className].filter(Boolean).join(' ') || undefined}
                >
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
