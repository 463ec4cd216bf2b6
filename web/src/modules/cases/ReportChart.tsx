import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../lib/use-format.ts';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
}

/** Height per bar: room for a two-line label in Korean or Spanish on a phone. */
const BAR_ROW = 44;

/**
 * One horizontal bar chart (labels stay readable at 375 px, where vertical bars' labels
 * would have to slant). The drawing is hidden from assistive technology: the figure's
 * caption says what it shows and the report's table beside it holds every number.
 */
export function ReportChart({ id, title, summary, bars }: { id: string; title: string; summary: string; bars: ChartBar[] }) {
  const fmt = useFormat();
  return (
    <figure className="case-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <div className="case-chart__plot" aria-hidden="true" style={{ height: Math.max(1, bars.length) * BAR_ROW + 40 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} layout="vertical" margin={{ top: 12, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="var(--line)" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => fmt.number(v)} stroke="var(--ink-muted)" />
            <YAxis type="category" dataKey="label" width={130} interval={0} tick={{ fontSize: 13, fill: 'var(--ink)' }} stroke="var(--ink-muted)" />
            <Bar dataKey="value" fill="var(--accent)" isAnimationActive={false} maxBarSize={28}>
              <LabelList dataKey="value" position="right" formatter={(v: unknown) => (typeof v === 'number' ? fmt.number(v) : '')} style={{ fill: 'var(--ink)', fontSize: 13 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id={`${id}-caption`} className="case-chart__caption">
        <strong>{title}</strong> {summary}
      </figcaption>
    </figure>
  );
}
