import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import type { SaveState } from './use-version-autosave.ts';

/** Saved / saving / not saved, in words (never only an icon), with a retry when a save failed. */
export function SaveStatus({ state, lang, onRetry }: { state: SaveState; lang: string; onRetry: () => void }) {
  const { t } = useTranslation('alerts');
  return (
    <p className={`save-status save-status--${state}`} role="status" data-testid={`save-status-${lang}`} data-state={state}>
      {t(`save.${state}`)}
      {state === 'error' ? (
        <>
          {' '}
          <Button variant="quiet" onClick={onRetry}>
            {t('save.retry')}
          </Button>
        </>
      ) : null}
    </p>
  );
}
