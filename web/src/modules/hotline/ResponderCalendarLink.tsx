import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { shiftKeys, shiftsApi } from './shifts.api.ts';

/**
 * The secret calendar address for my shifts. The server keeps only a hash, so the address
 * is shown once, right after it is made; making a new one stops the old one.
 */
export function ResponderCalendarLink({ linked }: { linked: boolean }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shiftKeys.responders });
  const rotate = useMutation({
    mutationFn: shiftsApi.rotateCalendarLink,
    onSuccess: (r) => {
      setUrl(r.url);
      setCopied(false);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: shiftsApi.revokeCalendarLink,
    onSuccess: () => {
      setUrl(null);
      refresh();
    },
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard blocked: the address stays selectable in the field
    }
  };
  const error = rotate.error ?? revoke.error;

  return (
    <div className="shifts-calendar">
      <h3>{t('responders.calendar.title')}</h3>
      <p>{t('responders.calendar.intro')}</p>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {url ? (
        <>
          <Alert tone="warning">{t('responders.calendar.once')}</Alert>
          <div className="shifts-calendar__url">
            <TextField label={t('responders.calendar.url')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} className="mono" />
            <Button onClick={() => void copy()}>{copied ? t('responders.calendar.copied') : t('responders.calendar.copy')}</Button>
          </div>
          <p aria-live="polite" className="visually-hidden">
            {copied ? t('responders.calendar.copied') : ''}
          </p>
        </>
      ) : linked ? (
        <p>{t('responders.calendar.exists')}</p>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={rotate.isPending} onClick={() => rotate.mutate()}>
          {linked || url ? t('responders.calendar.rotate') : t('responders.calendar.create')}
        </Button>
        {linked || url ? (
          <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('responders.calendar.revoke')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
