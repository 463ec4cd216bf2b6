import { useTranslation } from 'react-i18next';
import type { Alert as AlertT, AlertPreview, Audience } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { localeFor } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { durationMessage } from './progress-math.ts';
import { useAlertPreview } from './use-alert-preview.ts';

/**
 * The live count and cost of an audience: recipients in all and per language (segments,
 * encoding, cost), the time the send takes at the senders' pacing, how many are held by
 * quiet hours right now, and whether a second person must approve.
 * `audience` null: the saved audience (read-only pages).
 */
type LanguageRow = AlertPreview['byLanguage'][number];

export function AudiencePreview({ alert, audience }: { alert: AlertT; audience: Audience | null }) {
  const { t, i18n } = useTranslation('alerts');
  const fmt = useFormat();
  const preview = useAlertPreview(alert, audience);
  const p = preview.data;
  const money = (v: number) =>
    new Intl.NumberFormat(localeFor(i18n.resolvedLanguage ?? 'en'), { style: 'currency', currency: p?.currency || 'USD', maximumFractionDigits: 2 }).format(v);
  const duration = p ? durationMessage(p.sendSeconds) : null;
  const channels = (audience ?? alert.audience).channels;

  return (
    <section className="alert-preview" aria-labelledby="alert-preview-title" aria-busy={preview.isFetching} data-testid="audience-preview">
      <h3 id="alert-preview-title" className="alert-preview__title">
        {t('preview.title')}
      </h3>
      {preview.isPending ? <Loading label={t('preview.counting')} /> : null}
      {preview.error ? <Alert tone="error">{preview.error.message}</Alert> : null}
      {p ? (
        <>
          <p className="alert-preview__total" aria-live="polite" aria-atomic="true" data-testid="recipient-count" data-recipients={p.recipients}>
            {t('preview.recipients', { recipients: fmt.number(p.recipients) })}
          </p>
          {p.recipients === 0 ? <Alert tone="warning">{t('preview.nobody')}</Alert> : null}
          {p.needsTwoPeople ? <Alert tone="info">{t('preview.needsTwoPeople')}</Alert> : null}
          {p.heldByQuietHours > 0 ? (
            <Alert tone="info">{t(alert.emergency ? 'preview.heldEmergency' : 'preview.held', { held: fmt.number(p.heldByQuietHours) })}</Alert>
          ) : null}
          <DetailList
            items={[
              ...(channels.includes('sms') ? [{ key: 'sms', term: t('preview.bySms'), value: fmt.number(p.byChannel.sms) }] : []),
              ...(channels.includes('email') ? [{ key: 'email', term: t('preview.byEmail'), value: fmt.number(p.byChannel.email) }] : []),
              ...(channels.includes('sms') ? [{ key: 'cost', term: t('preview.cost'), value: money(p.costTotal) }] : []),
              { key: 'time', term: t('preview.sendTime'), value: duration ? t(duration.key, duration.values) : '' },
            ]}
          />
          <DataTable
            caption={t('preview.byLanguage')}
            rows={p.byLanguage}
            rowKey={(l) => l.lang}
            columns={[
              { key: 'lang', header: t('preview.language'), primary: true, render: (l) => <span lang={l.lang}>{LANGUAGE_NAMES[l.lang]}</span> },
              { key: 'recipients', header: t('preview.people'), render: (l) => fmt.number(l.recipients) },
              // Only the channels this audience uses: the panel is narrow beside the form.
              ...(channels.includes('sms')
                ? [
                    { key: 'segments', header: t('preview.segments'), render: (l: LanguageRow) => `${fmt.number(l.segments)} · ${l.encoding}` },
                    { key: 'cost', header: t('preview.smsCost'), render: (l: LanguageRow) => money(l.costSms) },
                  ]
                : []),
              ...(channels.includes('email') ? [{ key: 'emails', header: t('preview.emails'), render: (l: LanguageRow) => fmt.number(l.emails) }] : []),
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
