import { type FormEvent, useEffect, useState } from 'react';
import { lastDays, MAX_REPORT_DAYS, type Period, type PeriodPreset, rangeProblem, type RangeProblem, todayIso } from '../lib/report-period.ts';
import { Button } from './Button.tsx';
import { Fieldset } from './Fieldset.tsx';
import { TextField } from './TextField.tsx';

/** The words of the form, in the page's language (each report's namespace has its own). */
export interface ReportPeriodLabels {
  legend: string;
  preset: (p: PeriodPreset) => string;
  from: string;
  to: string;
  show: string;
  problem: (p: Exclude<RangeProblem, null>, max: number) => string;
}

/**
 * A report's period: its presets apply at once (the last N days), "custom" shows a from–to
 * that applies on "Show" after the same checks the server makes. The URL is the source of
 * truth: Back or a bookmark changes `period`, and the form follows.
 */
export function ReportPeriodForm<P extends PeriodPreset>({ presets, period, onChange, labels, idPrefix }: {
  presets: readonly P[];
  period: Period<P>;
  onChange: (p: Period<P>) => void;
  labels: ReportPeriodLabels;
  /** Keeps ids unique and stable per page (e.g. "report", "case-report"). */
  idPrefix: string;
}) {
  const fromId = `${idPrefix}-from`;
  const [preset, setPreset] = useState<P>(period.preset);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<RangeProblem>(null);

  useEffect(() => {
    setPreset(period.preset);
    setFrom(period.from);
    setTo(period.to);
  }, [period.preset, period.from, period.to]);

  const choose = (p: P) => {
    setPreset(p);
    setProblem(null);
    if (p !== 'custom') onChange({ preset: p, ...lastDays(Number(p), todayIso()) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = rangeProblem(from, to);
    setProblem(bad);
    if (bad) {
      document.getElementById(fromId)?.focus();
      return;
    }
    onChange({ preset: 'custom' as P, from, to });
  };

  return (
    <form className="report-period" onSubmit={submit} noValidate aria-label={labels.legend}>
      <Fieldset legend={labels.legend} className="report-period__choices">
        {presets.map((p) => (
          <div className="checkbox" key={p}>
            <input type="radio" id={`${idPrefix}-period-${p}`} name={`${idPrefix}-period`} value={p} checked={preset === p} onChange={() => choose(p)} />
            <label htmlFor={`${idPrefix}-period-${p}`}>{labels.preset(p)}</label>
          </div>
        ))}
      </Fieldset>
      {preset === 'custom' ? (
        <div className="report-period__custom">
          <TextField id={fromId} type="date" label={labels.from} value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} error={problem ? labels.problem(problem, MAX_REPORT_DAYS) : undefined} />
          <TextField type="date" label={labels.to} value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
          <Button type="submit" variant="primary">
            {labels.show}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
