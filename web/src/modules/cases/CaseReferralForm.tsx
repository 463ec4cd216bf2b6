import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseDetail } from '../../../../contracts/cases.ts';
import type { ReferralSuggestion } from '../../../../contracts/legal-network.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { languageName } from '../portal/language-name.ts';
import { referralsApi, useReferralChange, useReferralSuggestions } from './referrals.api.ts';

type Suggestion = z.infer<typeof ReferralSuggestion>;

const SUMMARY_MAX_CHARS = 2000;

/**
 * Who could take the case, best first, each with the reasons in words; the ones left out
 * are listed apart and cannot be chosen. One provider, a short summary without names, Send.
 */
export function CaseReferralForm({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const suggestions = useReferralSuggestions(c.id, true);
  const send = useReferralChange(c.id, referralsApi.send);
  const [providerId, setProviderId] = useState('');
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);

  if (suggestions.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (suggestions.isError) {
    return (
      <Alert tone="error" actions={<Button onClick={() => void suggestions.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
        {suggestions.error.message}
      </Alert>
    );
  }
  const { need, items } = suggestions.data;
  const offered = items.filter((s) => !s.excluded);
  const leftOut = items.filter((s) => s.excluded);
  const words = (list: string[]) => list.join(', ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!providerId) {
      setMissing(true);
      return;
    }
    send.mutate(
      { providerId, summary: summary.trim() || undefined },
      {
        onSuccess: () => {
          setProviderId('');
          setSummary('');
        },
      },
    );
  };

  const describe = (s: Suggestion) => (
    <>
      <span className="referral-option__line">
        {t(`referrals.kinds.${s.provider.kind}`)}
        {s.provider.organizationName ? ` · ${s.provider.organizationName}` : ''}
      </span>
      <span className="referral-option__line">{t('referrals.languages', { list: words(s.provider.languages.map((l) => languageName(l, lang))) })}</span>
      <span className="referral-option__line">{t('referrals.states', { list: words(s.provider.states) })}</span>
      <span className="referral-option__line">
        {s.provider.proBonoPerMonth > 0 ? t('referrals.capacity', { left: s.proBonoLeft, total: s.provider.proBonoPerMonth }) : t('referrals.paidOnly')}
      </span>
    </>
  );

  return (
    <form className="form referral-form" onSubmit={submit} noValidate>
      <h3 className="referral-form__title">{t('referrals.suggestions')}</h3>
      <p className="muted">
        {t('referrals.need', { type: t(`types.${need.type}`), language: languageName(need.lang, lang), state: need.state ?? t('referrals.stateUnknown') })}
      </p>
      {offered.length === 0 ? (
        <p className="muted">{t('referrals.noSuggestions')}</p>
      ) : (
        <Fieldset legend={t('referrals.choose')} hint={t('referrals.suggestionsHint')} error={missing && !providerId ? t('referrals.pickFirst') : undefined}>
          <ul className="referral-options">
            {offered.map((s) => {
              const id = `referral-provider-${s.provider.id}`;
              return (
                <li key={s.provider.id} className="referral-option" data-testid="referral-suggestion">
                  <div className="checkbox">
                    <input
                      type="radio"
                      id={id}
                      name={`referral-provider-${c.id}`}
                      value={s.provider.id}
                      checked={providerId === s.provider.id}
                      onChange={() => {
                        setProviderId(s.provider.id);
                        setMissing(false);
                      }}
                      aria-describedby={`${id}-about`}
                    />
                    <label htmlFor={id}>
                      <span className="checkbox__label referral-option__name">{s.provider.name}</span>
                      <span className="checkbox__hint referral-option__about" id={`${id}-about`}>
                        {describe(s)}
                        <span className="referral-option__reasons">{s.reasons.map((r) => t(`referrals.reasons.${r}`, { defaultValue: r })).join(' · ')}</span>
                      </span>
                    </label>
                  </div>
                </li>
              );
            })}
          </ul>
        </Fieldset>
      )}
      {leftOut.length > 0 ? (
        <details className="referral-left-out">
          <summary>{t('referrals.leftOut', { count: leftOut.length })}</summary>
          <p className="muted">{t('referrals.leftOutHint')}</p>
          <ul className="referral-options">
            {leftOut.map((s) => (
              <li key={s.provider.id} className="referral-option" data-testid="referral-left-out">
                <strong>{s.provider.name}</strong>
                <span className="referral-option__line muted">{t(`referrals.kinds.${s.provider.kind}`)}</span>
                <span className="referral-option__reasons">{s.reasons.filter((r) => isExclusion(r)).map((r) => t(`referrals.reasons.${r}`, { defaultValue: r })).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {offered.length > 0 ? (
        <>
          <TextAreaField
            label={t('referrals.summary')}
            hint={t('referrals.summaryHint')}
            value={summary}
            maxLength={SUMMARY_MAX_CHARS}
            rows={3}
            onChange={(e) => setSummary(e.target.value)}
          />
          {send.error ? <Alert tone="error">{send.error.message}</Alert> : null}
          {send.data ? (
            <Alert tone={send.data.created ? 'success' : 'info'}>
              {t(send.data.created ? 'referrals.sent' : 'referrals.alreadySent', { provider: send.data.provider.name })}
            </Alert>
          ) : null}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={send.isPending}>
              {t('referrals.send')}
            </Button>
          </div>
        </>
      ) : null}
    </form>
  );
}

const EXCLUSIONS = new Set(['inactive', 'practice_area_not_covered', 'lsc_restricted', 'state_not_served']);
const isExclusion = (r: string) => EXCLUSIONS.has(r);
