import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contracts/common.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { useCannedResponses } from './hotline.api.ts';

/**
 * Canned responses, inserted in the CONVERSATION's language (a Spanish-speaking volunteer
 * answering a Korean texter inserts the Korean text), into the reply box to edit before sending.
 */
export function ConversationCannedPicker({ lang, onInsert }: { lang: Lang; onInsert: (text: string) => void }) {
  const { t } = useTranslation('hotline');
  const canned = useCannedResponses();
  const [chosen, setChosen] = useState('');
  const items = canned.data?.items ?? [];
  const picked = items.find((i) => i.id === chosen);

  if (canned.isError) return <Alert tone="error">{t('inbox.canned.loadFailed', { message: canned.error.message })}</Alert>;
  if (canned.data && items.length === 0) return <p className="muted">{t('inbox.canned.none')}</p>;

  return (
    <div className="canned-picker">
      <Select
        label={t('inbox.canned.label')}
        hint={t('inbox.canned.hint', { language: LANGUAGE_NAMES[lang] })}
        value={chosen}
        disabled={canned.isPending}
        onChange={(e) => setChosen(e.target.value)}
        options={[
          { value: '', label: canned.isPending ? t('status.loading', { ns: 'common' }) : t('inbox.canned.choose') },
          ...items.map((i) => ({ value: i.id, label: i.category ? `${i.title} · ${t(`inbox.categories.${i.category}`)}` : i.title })),
        ]}
      />
      <Button disabled={!picked} onClick={() => picked && onInsert(picked.bodies[lang])}>
        {t('inbox.canned.insert', { language: LANGUAGE_NAMES[lang] })}
      </Button>
    </div>
  );
}
