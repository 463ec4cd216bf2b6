import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contracts/common.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { smsMeterState } from './sms-segments.ts';

/** Shown for a visible character that is easy to miss (a curly quote next to a straight one). */
const quote = (c: string) => (c === '\u00a0' ? '⍽' : c);

/**
 * Encoding, segments and characters left of one SMS text, counted in the browser on every
 * keystroke (the same calculator as the server). Names the characters that force UCS-2 and
 * offers the GSM-7 variant in one click; warns when a Korean text runs past two segments.
 */
export function SmsMeter({ body, lang, onUseVariant, disabled }: { body: string; lang: Lang; onUseVariant?: (text: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('alerts');
  const fmt = useFormat();
  const m = smsMeterState(body, lang);
  return (
    <div className="sms-meter" data-testid={`sms-meter-${lang}`} data-segments={m.segments} data-encoding={m.encoding}>
      {/* Announced when typing pauses (polite), so a screen reader is not interrupted on every key. */}
      <p className="sms-meter__figures" aria-live="polite" aria-atomic="true">
        <Badge tone={m.encoding === 'GSM-7' ? 'positive' : 'caution'}>{m.encoding}</Badge>{' '}
        <span data-testid={`sms-segments-${lang}`}>{t('meter.segments', { segments: fmt.number(body ? m.segments : 0) })}</span>
        {' · '}
        <span>{t('meter.characters', { chars: fmt.number(m.characters) })}</span>
        {' · '}
        <span>{t('meter.left', { left: fmt.number(m.charactersLeft) })}</span>
      </p>
      {m.nonGsmCharacters.length > 0 && m.gsmSafe ? (
        <Alert
          tone="warning"
          actions={
            onUseVariant ? (
              <Button onClick={() => onUseVariant(m.gsmSafe ?? body)} disabled={disabled} data-testid={`gsm-safe-${lang}`}>
                {t('meter.useVariant')}
              </Button>
            ) : null
          }
        >
          {t('meter.forcesUcs2', { chars: m.nonGsmCharacters.map(quote).join(' ') })}
        </Alert>
      ) : null}
      {m.koreanTooLong ? <Alert tone="warning">{t('meter.koreanTooLong', { segments: fmt.number(m.segments) })}</Alert> : null}
    </div>
  );
}
