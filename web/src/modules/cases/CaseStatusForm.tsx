import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStatus } from '../../../../contracts/cases.ts';
import { isApiError } from '../../lib/api.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { DISPOSITION_MAX_CHARS } from './case-options.ts';
import { nextStatuses } from './case-status.ts';
import { caseKeys, casesApi, useCaseChange, type StatusChangeInput } from './cases.api.ts';

/**
 * Move the case along its workflow. Only the moves the server allows from here are offered
 * (case-status.ts); the case's version goes along, so a change someone else made meanwhile
 * is refused instead of overwritten.
 */
export function CaseStatusForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const qc = useQueryClient();
  const [to, setTo] = useState('');
  const [disposition, setDisposition] = useState('');
  const [saved, setSaved] = useState<CaseStatus | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const change = useCaseChange(c.id, casesApi.status, (old, summary) => ({ ...old, ...summary }));
  const stale = isApiError(change.error) && change.error.status === 409;
  const errors = splitError(stale ? null : change.error, ['status', 'disposition']);
  useFocusFirstInvalid(formRef, change.error);
  const options = nextStatuses(c.type, c.status);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setSaved(null);
    const input: StatusChangeInput = { status: to as CaseStatus, version: c.version };
    if (to === 'closed' && disposition.trim()) input.disposition = disposition.trim();
    change.mutate(input, {
      onSuccess: () => {
        setSaved(to as CaseStatus);
        setTo('');
        setDisposition('');
      },
      // Someone else moved it: show what is true now.
      onError: (err) => {
        if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      },
    });
  };

  return (
    <Panel title={t('status.title')}>
      {options.length === 0 ? (
        <p>{t('status.none')}</p>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <Select
            label={t('status.label')}
            hint={t('status.hint', { status: t(`statuses.${c.status}`) })}
            value={to}
            error={errors.fields.status}
            onChange={(e) => {
              setTo(e.target.value);
              setSaved(null);
            }}
            options={[{ value: '', label: t('status.choose') }, ...options.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
          />
          {to === 'closed' ? (
            <TextField
              label={t('status.disposition')}
              hint={t('status.dispositionHint')}
              value={disposition}
              maxLength={DISPOSITION_MAX_CHARS}
              error={errors.fields.disposition}
              onChange={(e) => setDisposition(e.target.value)}
              autoComplete="off"
            />
          ) : null}
          {stale ? <Alert tone="warning">{t('status.stale')}</Alert> : null}
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {saved ? <Alert tone="success">{t('status.saved', { status: t(`statuses.${saved}`) })}</Alert> : null}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={change.isPending} disabled={!to}>
              {t('status.save')}
            </Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
