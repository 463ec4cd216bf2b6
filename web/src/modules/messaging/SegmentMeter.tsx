import { useTranslation } from 'react-i18next';
import { localeFor } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { useEstimate } from './use-estimate.ts';

/**
 * Segments, encoding and cost of a text, for any page that composes one (alerts, replies).
 * The characters that force UCS-2 are marked in the text itself: removing one can halve
 * the price of an English or Spanish message.
 */
export function SegmentMeter({ body, recipients = 1 }: { body: string; recipients?: number }) {
  const { t, i18n } = useTranslation('messaging');
  const fmt = useFormat();
  const estimate = useEstimate(body, Math.max(1, Math.floor(recipients) || 1));
  const money = new Intl.NumberFormat(localeFor(i18n.resolvedLanguage ?? 'en'), { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
  if (!body) return <p className="muted">{t('cost.empty')}</p>;
  if (estimate.error) return <Alert tone="error">{estimate.error.message}</Alert>;
  const e = estimate.data;
  if (!e) return null;
  const forcing = new Set(e.nonGsmCharacters);
  return (
    <div aria-live="polite">
      <DetailList
        items={[
          { key: 'segments', term: t('cost.segments'), value: fmt.number(e.segments) },
          {
            key: 'encoding',
            term: t('cost.encoding'),
            value: <Badge tone={e.encoding === 'GSM-7' ? 'positive' : 'caution'}>{e.encoding}</Badge>,
          },
          { key: 'chars', term: t('cost.characters'), value: t('cost.charactersValue', { chars: fmt.number(e.characters), left: fmt.number(e.charactersLeft) }) },
          { key: 'perMessage', term: t('cost.perMessage'), value: money.format(e.costPerMessage) },
          { key: 'total', term: t('cost.total', { recipients: fmt.number(e.recipients) }), value: money.format(e.costTotal) },
        ]}
      />
      {forcing.size > 0 ? (
        <>
          <p>{t('cost.forcing', { chars: e.nonGsmCharacters.join(' ') })}</p>
          <p>
            {[...body].map((c, i) => (forcing.has(c) ? <mark key={i}>{c}</mark> : c))}
          </p>
        </>
      ) : null}
      <p className="muted">{t('cost.note', { price: money.format(e.pricePerSegment), date: e.pricesCheckedOn })}</p>
    </div>
  );
}
