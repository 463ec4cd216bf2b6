import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '../../app/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { US_STATES } from './us-states.ts';

export interface PeopleFilters {
  q: string;
  language: string;
  state: string;
}

/** Searches on submit (Enter or the button), not on every keystroke: each search is a server round trip. */
export function PeopleSearchForm({ initial, onSearch }: { initial: PeopleFilters; onSearch: (f: PeopleFilters) => void }) {
  const { t } = useTranslation('people');
  const [f, setF] = useState(initial);
  // Follow the URL when it changes from outside (Back, a link), without remounting the form.
  useEffect(() => setF(initial), [initial.q, initial.language, initial.state]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (k: keyof PeopleFilters) => (e: { target: { value: string } }) => setF((prev) => ({ ...prev, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...f, q: f.q.trim() });
  };

  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('list.searchLabel')}>
      <TextField label={t('list.query')} hint={t('list.queryHint')} type="search" name="q" value={f.q} onChange={set('q')} autoComplete="off" />
      <Select
        label={t('fields.preferredLanguage')}
        name="language"
        value={f.language}
        onChange={set('language')}
        options={[{ value: '', label: t('list.anyLanguage') }, ...LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))]}
      />
      <Select
        label={t('fields.state')}
        name="state"
        value={f.state}
        onChange={set('state')}
        options={[{ value: '', label: t('list.anyState') }, ...US_STATES.map((s) => ({ value: s, label: s }))]}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t('actions.search', { ns: 'common' })}
        </Button>
      </div>
    </form>
  );
}
