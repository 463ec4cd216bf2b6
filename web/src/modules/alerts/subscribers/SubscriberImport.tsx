import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTESTATION_MIN } from '../../../../../contracts/alert-subscribers.ts';
import type { ImportPreview } from '../../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../../app/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { TextAreaField } from '../../../ui/TextAreaField.tsx';
import { useConfirmImport, useDiscardImport, usePreviewImport } from './subscribers.api.ts';

/**
 * Import subscribers from a CSV in three steps: upload with the consent statement → preview
 * (bad rows by line, duplicates, people already known) → import or discard. Nothing is
 * imported until the button in the preview is pressed.
 */
export function SubscriberImport() {
  const { t } = useTranslation('alerts-subscribers');
  const [file, setFile] = useState<File | null>(null);
  const [attestation, setAttestation] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const upload = usePreviewImport();
  const confirm = useConfirmImport();
  const discard = useDiscardImport();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate({ file, attestation }, { onSuccess: (p) => { setPreview(p); confirm.reset(); } });
  };
  const reset = () => {
    setPreview(null);
    setFile(null);
    upload.reset();
  };

  return (
    <Panel title={t('import.title')}>
      {confirm.data ? (
        <Alert tone="success" title={t('import.doneTitle')} actions={<Button onClick={() => { confirm.reset(); reset(); }}>{t('import.another')}</Button>}>
          {t('import.done', confirm.data)}
        </Alert>
      ) : preview ? (
        <div className="stack">
          <p>{t('import.summary', preview)}</p>
          <p className="muted">{t('import.encoding', { encoding: preview.encoding.toUpperCase() })}</p>
          {preview.errors.length ? (
            <Alert tone="warning" title={t('import.errorsTitle', { count: preview.errors.length })}>
              <ul className="import-errors">
                {preview.errors.map((e, i) => (
                  <li key={`${e.line}-${e.field}-${i}`}>{t('import.errorLine', { line: e.line, field: t(`import.fields.${e.field}`, { defaultValue: e.field }), message: e.message })}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {preview.sample.length ? (
            <DataTable
              caption={t('import.sampleCaption', { count: preview.sample.length })}
              rows={preview.sample}
              rowKey={(s) => String(s.line)}
              columns={[
                { key: 'name', header: t('list.name'), primary: true, render: (s) => s.name || '—' },
                { key: 'line', header: t('import.line'), render: (s) => s.line },
                { key: 'phone', header: t('list.phone'), render: (s) => s.phone ?? '—' },
                { key: 'email', header: t('list.email'), render: (s) => s.email ?? '—' },
                { key: 'lang', header: t('list.lang'), render: (s) => LANGUAGE_NAMES[s.lang] },
                { key: 'zip', header: t('list.zip'), render: (s) => s.zip ?? '—' },
              ]}
            />
          ) : null}
          {confirm.error ? <Alert tone="error">{(confirm.error as Error).message}</Alert> : null}
          <div className="button-row">
            <Button variant="primary" disabled={!preview.valid} busy={confirm.isPending} onClick={() => confirm.mutate(preview.importId)}>{t('import.confirm', { count: preview.valid })}</Button>
            <Button busy={discard.isPending} onClick={() => discard.mutate(preview.importId, { onSuccess: reset })}>{t('import.discard')}</Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p className="muted">{t('import.help')}</p>
          {upload.error ? <Alert tone="error">{(upload.error as Error).message}</Alert> : null}
          <div className="field">
            <label htmlFor="subscriber-csv" className="field__label">{t('import.file')}</label>
            <input id="subscriber-csv" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextAreaField label={t('import.attestation')} hint={`${t('import.attestationHint')} ${t('import.attestationMin', { min: ATTESTATION_MIN })}`} required rows={3} maxLength={1000} value={attestation} onChange={(e) => setAttestation(e.target.value)} />
          <div className="button-row">
            {/* Checked here before a 5 MB file goes up: the server refuses a shorter consent statement too. */}
            <Button type="submit" variant="primary" disabled={!file || attestation.trim().length < ATTESTATION_MIN} busy={upload.isPending}>{t('import.upload')}</Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
