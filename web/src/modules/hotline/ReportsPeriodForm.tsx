import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { MAX_REPORT_DAYS, PERIOD_PRESETS, type Period, type PeriodPreset, rangeProblem, todayIso, lastDays } from './reports-period.ts';

const FROM_ID = 'report-from';

/** Last 7 days, last 30 days (at once), or a custom from–to (on "Show"). */
export function ReportsPeriodForm({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation('hotline');
  const [preset, setPreset] = useState<PeriodPreset>(period.preset);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<ReturnType<typeof rangeProblem>>(null);

  // The URL changed (Back, a bookmark): follow it.
  useEffect(() => {
    setPreset(period.preset);
    setFrom(period.from);
    setTo(period.to);
  }, [period.preset, period.from, period.to]);

  const choose = (p: PeriodPreset) => {
    setPreset(p);
    setProblem(null);
    if (p !== 'custom') onChange({ preset: p, ...lastDays(Number(p), todayIso()) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = rangeProblem(from, to);
    setProblem(bad);
    if (bad) {
      document.getElementById(FROM_ID)?.focus();
      return;
    }
    onChange({ preset: 'custom', from, to });
  };
  const error = problem ? t(`reports.period.${problem}`, { max: MAX_REPORT_DAYS }) : undefined;

  return (
    <form className="report-period" onSubmit={submit} noValidate aria-label={t('reports.period.legend')}>
      <Fieldset legend={t('reports.period.legend')} className="report-period__choices">
        {PERIOD_PRESETS.map((p) => (
          <div className="checkbox" key={p}>
            <input type="radio" id={`report-period-${p}`} name="report-period" value={p} checked={preset === p} onChange={() => choose(p)} />
            <label htmlFor={`report-period-${p}`}>{t(`reports.period.${p === 'custom' ? 'custom' : `last${p}`}`)}</label>
          </div>
        ))}
      </Fieldset>
      {preset === 'custom' ? (
        <div className="report-period__custom">
          <TextField id={FROM_ID} type="date" label={t('reports.period.from')} value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} error={error} />
          <TextField type="date" label={t('reports.period.to')} value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
          <Button type="submit" variant="primary">
            {t('reports.period.show')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
