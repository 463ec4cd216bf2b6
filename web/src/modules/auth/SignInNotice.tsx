import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';

const NOTICES = {
  'signed-out': 'notices.signedOut',
  'signed-out-everywhere': 'notices.signedOutEverywhere',
  'password-reset': 'notices.passwordReset',
} as const;

/** What just happened before the user arrived at sign-in (from ?notice=). */
export function SignInNotice({ notice }: { notice: string | null }) {
  const { t } = useTranslation('auth');
  if (!notice || !(notice in NOTICES)) return null;
  return <Alert tone="success">{t(NOTICES[notice as keyof typeof NOTICES])}</Alert>;
}
