import type { ReactNode } from 'react';

/** One figure in a report: the label, then the number large. A `<div>` in a `<dl>` keeps term and value together. */
export function ReportsStat({ label, value, note, testId }: { label: ReactNode; value: ReactNode; note?: ReactNode; testId?: string }) {
  return (
    <div className="report-stat" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="report-stat__value">{value}</span>
        {note ? <span className="report-stat__note">{note}</span> : null}
      </dd>
    </div>
  );
}
