import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, formatPhone } from './format.ts';

/** The formatters, bound to the current UI language (re-renders when it changes). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return {
    date: (v: string | Date | null | undefined) => formatDate(v, lang),
    dateTime: (v: string | Date | null | undefined) => formatDateTime(v, lang),
    number: (v: number) => formatNumber(v, lang),
    phone: formatPhone,
  };
}
