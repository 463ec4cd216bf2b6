import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { parseList, type ListKind } from './audience-fields.ts';

/** A list typed freely (commas or new lines); entries that would be refused are named under it. */
export function AudienceListField({ kind, text, onChange, error }: { kind: ListKind; text: string; onChange: (text: string) => void; error?: string }) {
  const { t } = useTranslation('alerts');
  const { invalid } = parseList(text, kind);
  const shownError = error ?? (invalid.length > 0 ? t('audience.invalidEntries', { entries: invalid.join(', ') }) : undefined);
  return (
    <TextAreaField
      label={t(`audience.${kind}`)}
      hint={t(`audience.${kind}Hint`)}
      rows={kind === 'zips' ? 3 : 2}
      value={text}
      onChange={(e) => onChange(e.target.value)}
      error={shownError}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
