import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTranscriptEntry } from '../../../../contracts/simulator.ts';
import { formatPhone } from '../../lib/format.ts';

/** BCP 47 tag of a TwiML language ("ko-KR"), so screen readers read Korean as Korean. */
const langTag = (l: string | null) => (l && /^[a-z]{2}(-[A-Z]{2})?$/.test(l) ? l : undefined);

/** What the phone heard and did, in order; announced politely as it grows. Works for the caller and for a phone Haven rang. */
export function CallTranscript({ entries }: { entries: CallTranscriptEntry[] }) {
  const { t } = useTranslation('simulator');
  const list = useRef<HTMLOListElement>(null);
  // The newest line in view: on a long call the list scrolls inside its panel.
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length]);
  const line = (e: CallTranscriptEntry) => {
    switch (e.kind) {
      case 'say':
        return (
          <>
            <span className="sim-transcript__who">{t('call.heard', { language: e.language ?? '—' })}</span> <span lang={langTag(e.language)}>{e.text}</span>
          </>
        );
      case 'play':
        return t('call.play', { url: e.url });
      case 'pause':
        return t('call.pause', { seconds: e.seconds });
      case 'dial':
        return t('call.dial', { number: e.number.split(', ').map(formatPhone).join(', ') });
      case 'connected':
        return t('call.connected', { number: formatPhone(e.number) });
      case 'dial-ended':
        return t(`call.dialEnded.${e.status}`, { defaultValue: t('call.dialEnded.other', { status: e.status }) });
      case 'beep':
        return t('call.beep');
      case 'digits':
        return t('call.pressed', { digits: e.digits });
      case 'recording':
        return t('call.recorded', { text: e.text, seconds: e.seconds });
      case 'silence':
        return t('call.silent');
      case 'hangup':
        return e.by === 'caller' ? t('call.hungUpByMe') : t('call.hungUpByHaven');
      case 'unsupported':
        return t('call.unsupported', { verb: e.verb });
      case 'error':
        return t('call.error', { code: e.code ?? '—', message: e.message });
    }
  };
  return (
    // Focusable for the same reason as the text thread: it scrolls inside the panel.
    <ol ref={list} className="sim-transcript" aria-live="polite" aria-label={t('call.transcript')} tabIndex={0}>
      {entries.map((e, i) => (
        <li key={`${i}-${e.at}`} className={`sim-transcript__${e.kind}`}>
          {line(e)}
        </li>
      ))}
    </ol>
  );
}
