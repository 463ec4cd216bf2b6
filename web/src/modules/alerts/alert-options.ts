import { ALERT_TOPICS, type AlertChannel } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../app/i18n.ts';
import type { SelectOption } from '../../ui/Select.tsx';

export const ALERT_LANGS: readonly Lang[] = LANGUAGES;
export const CHANNELS: readonly AlertChannel[] = ['sms', 'email'];

type T = (key: string) => string;
export const topicOptions = (t: T): SelectOption[] => ALERT_TOPICS.map((v) => ({ value: v, label: t(`topics.${v}`) }));
/** Each language named in itself, so a reader finds their own whatever the page is in. */
export const langOptions = (): SelectOption[] => ALERT_LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }));

/** The editors' order: the source language first (the others translate it), then ko, en, es. */
export const langsInOrder = (source: Lang): Lang[] => [source, ...ALERT_LANGS.filter((l) => l !== source)];
