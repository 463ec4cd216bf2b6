import { useTranslation } from 'react-i18next';
import { HOTLINE_LANG_LIST, type HotlineLang } from '../../../../contracts/hotline-shifts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';

/** The languages a responder takes conversations in: one checkbox each, named in its own language. */
export function ResponderLanguagesField({ value, onChange, error }: { value: HotlineLang[]; onChange: (v: HotlineLang[]) => void; error?: string }) {
  const { t } = useTranslation('hotline');
  return (
    <Fieldset legend={t('responders.languages')} hint={t('responders.languagesHint')} error={error}>
      {HOTLINE_LANG_LIST.map((lang) => (
        <Checkbox
          key={lang}
          label={<span lang={lang}>{LANGUAGE_NAMES[lang]}</span>}
          checked={value.includes(lang)}
          onChange={(e) => onChange(e.target.checked ? HOTLINE_LANG_LIST.filter((l) => l === lang || value.includes(l)) : value.filter((l) => l !== lang))}
        />
      ))}
    </Fieldset>
  );
}
