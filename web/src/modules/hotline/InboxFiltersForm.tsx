import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import type { InboxFilters } from './hotline.api.ts';
import { activeFilterCount, CATEGORIES, CHANNELS, LANGS, STATUSES, URGENCIES } from './inbox-options.ts';

/**
 * Status, language, urgency, channel and category. Folded on phones behind a summary that
 * says how many are set; a choice applies at once (the list below updates in place, focus
 * stays here).
 */
export function InboxFiltersForm({ filters, onChange }: { filters: InboxFilters; onChange: (f: InboxFilters) => void }) {
  const { t } = useTranslation('hotline');
  const active = activeFilterCount(filters);
  const any = { value: '', label: t('inbox.filters.any') };
  const [open, setOpen] = useState(active > 0);
  const summaryRef = useRef<HTMLElement>(null);
  const clear = () => {
    onChange({ status: 'open', assigned: filters.assigned });
    summaryRef.current?.focus(); // the button goes away with the filters: keep focus nearby
  };
  const set = (key: keyof InboxFilters) => (e: { target: { value: string } }) => onChange({ ...filters, [key]: e.target.value || undefined });

  return (
    <details className="inbox-filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary ref={summaryRef}>
        {t('inbox.filters.summary')}
        {active > 0 ? <span className="inbox-filters__count"> · {t('inbox.filters.active', { n: active })}</span> : null}
      </summary>
      <form className="inbox-filters__grid" aria-label={t('inbox.filters.summary')} onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('inbox.filters.status')}
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as InboxFilters['status'] })}
          options={STATUSES.map((s) => ({ value: s, label: t(`inbox.statuses.${s}`) }))}
        />
        <Select
          label={t('inbox.filters.lang')}
          value={filters.lang ?? ''}
          onChange={set('lang')}
          options={[any, ...LANGS.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))]}
        />
        <Select
          label={t('inbox.filters.urgency')}
          value={filters.urgency ?? ''}
          onChange={set('urgency')}
          options={[any, ...URGENCIES.map((u) => ({ value: u, label: t(`inbox.urgencies.${u}`) }))]}
        />
        <Select
          label={t('inbox.filters.channel')}
          value={filters.channel ?? ''}
          onChange={set('channel')}
          options={[any, ...CHANNELS.map((c) => ({ value: c, label: t(`inbox.channels.${c}`) }))]}
        />
        <Select
          label={t('inbox.filters.category')}
          value={filters.category ?? ''}
          onChange={set('category')}
          options={[any, ...CATEGORIES.map((c) => ({ value: c, label: t(`inbox.categories.${c}`) }))]}
        />
        {active > 0 ? (
          <div className="button-row">
            <Button onClick={clear}>{t('inbox.filters.clear')}</Button>
          </div>
        ) : null}
      </form>
    </details>
  );
}
