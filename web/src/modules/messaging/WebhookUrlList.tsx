import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookUrls } from '../../../../contracts/messaging.ts';
import { Button } from '../../ui/Button.tsx';
import { DetailList } from '../../ui/DetailList.tsx';

/** The three URLs an admin pastes into the Twilio console, each with a copy button (typing them invites typos that fail silently). */
export function WebhookUrlList({ urls }: { urls: WebhookUrls }) {
  const { t } = useTranslation('messaging');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (key: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(key);
    } catch {
      setCopied(null); // clipboard blocked (no https, or denied): the URL stays visible to select by hand
    }
  };
  const keys = ['sms', 'voice', 'status'] as const;
  return (
    <>
      <p>{t('webhooks.intro')}</p>
      <DetailList
        items={keys.map((k) => ({
          key: k,
          term: t(`webhooks.${k}`),
          value: (
            <span className="button-row">
              <code className="mono">{urls[k]}</code>
              <Button variant="quiet" onClick={() => void copy(k, urls[k])} aria-label={t('webhooks.copyNamed', { name: t(`webhooks.${k}`) })}>
                {copied === k ? t('webhooks.copied') : t('webhooks.copy')}
              </Button>
            </span>
          ),
        }))}
      />
    </>
  );
}
