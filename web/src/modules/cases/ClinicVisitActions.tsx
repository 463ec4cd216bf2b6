import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicDay, ClinicVisit } from '../../../../contracts/daca.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { todayIso } from '../../lib/report-period.ts';
import { clinicApi, useClinicAction } from './clinic.api.ts';
import { visitStage } from './clinic-day.ts';

/**
 * What the clinic does with one person after check-in: hand the packet to an attorney or
 * accredited representative for review, then mark it filed. Each has its own small form, so
 * an error lands beside the action that caused it.
 */
export function ClinicVisitActions({ visit, reviewers }: { visit: ClinicVisit; reviewers: ClinicDay['reviewers'] }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const stage = visitStage(visit);
  const name = visit.case.person.name;
  const [attorneyId, setAttorneyId] = useState(visit.review?.attorney.userId ?? reviewers[0]?.userId ?? '');
  const [filedOn, setFiledOn] = useState(todayIso());
  const review = useClinicAction((id: string) => clinicApi.review(visit.case.id, id));
  const filed = useClinicAction((day: string) => clinicApi.filed(visit.case.id, day));

  const askReview = (e: FormEvent) => {
    e.preventDefault();
    if (attorneyId) review.mutate(attorneyId);
  };
  const markFiled = (e: FormEvent) => {
    e.preventDefault();
    if (filedOn) filed.mutate(filedOn);
  };

  if (stage === 'filed') {
    return <p className="clinic-visit__done">{t('clinic.filedOn', { date: visit.daca?.filedOn ? fmt.date(visit.daca.filedOn) : '—' })}</p>;
  }
  return (
    <div className="clinic-visit__actions">
      {visit.review ? (
        <p className="clinic-visit__review">{t('clinic.withAttorney', { name: visit.review.attorney.name, time: fmt.dateTime(visit.review.requestedAt) })}</p>
      ) : null}
      {reviewers.length ? (
        <form className="clinic-visit__form" onSubmit={askReview} noValidate aria-label={t('clinic.reviewFormLabel', { name })}>
          <Select
            label={t('clinic.attorney')}
            value={attorneyId}
            onChange={(e) => setAttorneyId(e.target.value)}
            options={reviewers.map((r) => ({ value: r.userId, label: r.name }))}
            error={review.error?.message}
          />
          <Button type="submit" busy={review.isPending}>
            {visit.review ? t('clinic.reviewAgain') : t('clinic.readyForReview')}
          </Button>
        </form>
      ) : (
        <p className="muted">{t('clinic.noReviewers')}</p>
      )}
      <form className="clinic-visit__form" onSubmit={markFiled} noValidate aria-label={t('clinic.filedFormLabel', { name })}>
        <TextField type="date" label={t('clinic.filedDay')} value={filedOn} max={todayIso()} onChange={(e) => setFiledOn(e.target.value)} error={filed.error?.message} />
        <Button type="submit" variant="primary" busy={filed.isPending}>
          {t('clinic.markFiled')}
        </Button>
      </form>
    </div>
  );
}
