import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { AuditFilters } from './audit.api.ts';
import { auditActionLabel, entityTypeLabel, knownCodes } from './audit-labels.ts';

export function AuditFiltersForm({ initial, onApply }: { initial: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t, i18n } = useTranslation('audit');
  const [f, setF] = useState(initial);
  useEffect(() => setF(initial), [initial.action, initial.entityType, initial.entityId]); // eslint-disable-line react-hooks/exhaustive-deps

  const withCurrent = (codes: string[], current: string) => (current && !codes.includes(current) ? [current, ...codes] : codes);
  const actions = withCurrent(knownCodes(i18n.getResource('en', 'audit', 'actionNames')), f.action);
  const types = withCurrent(knownCodes(i18n.getResource('en', 'audit', 'entityTypes')), f.entityType);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...f, entityId: f.entityId.trim() });
  };

  return (
    <form className="filters filters--three" onSubmit={submit} aria-label={t('filters.label')}>
      <Select
        label={t('filters.action')}
        value={f.action}
        onChange={(e) => setF({ ...f, action: e.target.value })}
        options={[{ value: '', label: t('filters.anyAction') }, ...actions.map((a) => ({ value: a, label: auditActionLabel(t, a) }))]}
      />
      <Select
        label={t('filters.entityType')}
        value={f.entityType}
        onChange={(e) => setF({ ...f, entityType: e.target.value })}
        options={[{ value: '', label: t('filters.anyEntityType') }, ...types.map((a) => ({ value: a, label: entityTypeLabel(t, a) }))]}
      />
      <TextField label={t('filters.entityId')} value={f.entityId} onChange={(e) => setF({ ...f, entityId: e.target.value })} autoComplete="off" spellCheck={false} />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t('filters.apply')}
        </Button>
      </div>
    </form>
  );
}
