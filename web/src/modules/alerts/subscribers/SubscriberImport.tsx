import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../contracts/alerts.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
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
            <table className="table">
              <caption>{t('import.sampleCaption', { count: preview.sample.length })}</caption>
              <thead><tr><th scope="col">{t('import.line')}</th><th scope="col">{t('list.name')}</th><th scope="col">{t('list.phone')}</th><th scope="col">{t('list.email')}</th><th scope="col">{t('list.lang')}</th><th scope="col">{t('list.zip')}</th></tr></thead>
              <tbody>
                {preview.sample.map((s) => (
                  <tr key={s.line}><td>{s.line}</td><td>{s.name || '—'}</td><td>{s.phone ?? '—'}</td><td>{s.email ?? '—'}</td><td>{s.lang}</td><td>{s.zip ?? '—'}</td></tr>
                ))}
              </tbody>
            </table>
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
          <TextAreaField label={t('import.attestation')} hint={t('import.attestationHint')} rows={3} maxLength={1000} value={attestation} onChange={(e) => setAttestation(e.target.value)} />
          <div className="button-row">
            <Button type="submit" variant="primary" disabled={!file} busy={upload.isPending}>{t('import.upload')}</Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
