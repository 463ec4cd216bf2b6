import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../../contracts/cases.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Select } from '../../ui/Select.tsx';
import { CASE_TYPES, STATUS_FILTERS, type CaseFilters, type StatusFilter } from './case-options.ts';

/**
 * Type, status and "mine". Each choice applies at once: these are a few short lists, and
 * the list below is one cheap request, so a separate "search" button would be a step too many.
 */
export function CaseFiltersForm({ filters, onChange }: { filters: CaseFilters; onChange: (f: CaseFilters) => void }) {
  const { t } = useTranslation('cases');
  return (
    <form className="filters filters--three case-filters" aria-label={t('list.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
      <Select
        label={t('list.type')}
        name="type"
        value={filters.type ?? ''}
        onChange={(e) => onChange({ ...filters, type: (e.target.value || undefined) as CaseType | undefined })}
        options={[{ value: '', label: t('list.anyType') }, ...CASE_TYPES.map((k) => ({ value: k, label: t(`types.${k}`) }))]}
      />
      <Select
        label={t('list.status')}
        name="status"
        value={filters.status}
        onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}
        options={STATUS_FILTERS.map((s) => ({ value: s, label: s === 'live' ? t('list.live') : t(`statuses.${s}`) }))}
      />
      <Checkbox label={t('list.mine')} name="mine" checked={filters.mine} onChange={(e) => onChange({ ...filters, mine: e.target.checked })} className="case-filters__mine" />
    </form>
  );
}
