import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { lastDays, MAX_REPORT_DAYS, rangeProblem, todayIso } from '../hotline/reports-period.ts';
import { CASE_REPORT_PRESETS, type CaseReportPeriod, type CaseReportPreset } from './case-report-figures.ts';

const FROM_ID = 'case-report-from';

/** Last 30 days (the default), last 90 days, or a custom from–to (on "Show"). */
export function CaseReportPeriodForm({ period, onChange }: { period: CaseReportPeriod; onChange: (p: CaseReportPeriod) => void }) {
  const { t } = useTranslation('cases');
  const [preset, setPreset] = useState<CaseReportPreset>(period.preset);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<ReturnType<typeof rangeProblem>>(null);

  // The URL changed (Back, a bookmark): follow it.
  useEffect(() => {
    setPreset(period.preset);
    setFrom(period.from);
    setTo(period.to);
  }, [period.preset, period.from, period.to]);

  const choose = (p: CaseReportPreset) => {
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

  return (
    <form className="case-report-period" onSubmit={submit} noValidate aria-label={t('reports.period.legend')}>
      <Fieldset legend={t('reports.period.legend')} className="case-report-period__choices">
        {CASE_REPORT_PRESETS.map((p) => (
          <div className="checkbox" key={p}>
            <input type="radio" id={`case-report-period-${p}`} name="case-report-period" value={p} checked={preset === p} onChange={() => choose(p)} />
            <label htmlFor={`case-report-period-${p}`}>{t(`reports.period.${p === 'custom' ? 'custom' : `last${p}`}`)}</label>
          </div>
        ))}
      </Fieldset>
      {preset === 'custom' ? (
        <div className="case-report-period__custom">
          <TextField
            id={FROM_ID}
            type="date"
            label={t('reports.period.from')}
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
            error={problem ? t(`reports.period.${problem}`, { max: MAX_REPORT_DAYS }) : undefined}
          />
          <TextField type="date" label={t('reports.period.to')} value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
          <Button type="submit" variant="primary">
            {t('reports.period.show')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
