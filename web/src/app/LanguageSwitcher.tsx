import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../contracts/auth.ts';
import { useTranslation } from 'react-i18next';
import { authApi } from '../modules/auth/auth.api.ts';
import { applySession, sessionKey } from '../modules/auth/session.ts';
import { Icon } from '../ui/Icon.tsx';
import { Select } from '../ui/Select.tsx';
import { currentLanguage, isUiLanguage, LANGUAGE_NAMES, LANGUAGES, storeLanguage } from './i18n.ts';

/**
 * Changes the page language at once. The choice is remembered on this device and, when
 * someone is signed in, on their account too (emails and server messages follow it).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();

  async function change(value: string) {
    if (!isUiLanguage(value)) return;
    storeLanguage(value);
    await i18n.changeLanguage(value);
    const session = queryClient.getQueryData<SessionInfo | null>(sessionKey);
    if (session && session.user.language !== value) {
      try {
        applySession(queryClient, await authApi.updateMe({ language: value }));
      } catch {
        // The page already speaks the new language; the account keeps the old one until next time.
      }
    }
  }

  return (
    <Select
      className="language-switcher"
      label={
        <>
          <Icon name="globe" size={16} />{' '}
          {t('language.label')}
        </>
      }
      value={currentLanguage()}
      onChange={(e) => void change(e.target.value)}
      options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
    />
  );
}
