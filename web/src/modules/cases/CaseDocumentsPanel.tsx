import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDocument, DOCUMENT_ACCEPT, DOCUMENT_MAX_BYTES } from '../../../../contracts/case-documents.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSession } from '../auth/session.ts';
import { documentsApi, uploadDocument, useCaseDocuments, useDocumentChange } from './documents.api.ts';

/** Short names for the detected types, the same in every language. */
const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

/**
 * The case's documents (a scanned work permit, a receipt notice): download links, and for
 * those who work the case a file picker. The server decides the type from the bytes and
 * keeps name and content encrypted; too big or empty files are caught here first so a phone
 * does not send 10 MB for nothing. Errors from the server are shown as it words them.
 */
export function CaseDocumentsPanel({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const session = useSession();
  const docs = useCaseDocuments(caseId);
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CaseDocument | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // A new key empties the file input after an upload (its value cannot be set from code).
  const [inputKey, setInputKey] = useState(0);
  const upload = useDocumentChange(caseId, (f: File) => uploadDocument(caseId, f, { csrfToken: session.csrfToken ?? null, onProgress: setProgress }));
  const remove = useDocumentChange(caseId, (d: CaseDocument) => documentsApi.remove(caseId, d.id));
  const errors = splitError(upload.error, ['file', 'name']);
  const fileError = localError ?? errors.fields.file ?? errors.fields.name;
  useFocusFirstInvalid(formRef, fileError);

  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? t('documents.megabytes', { value: fmt.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) }) : t('documents.kilobytes', { value: fmt.number(Math.max(1, Math.round(bytes / 1024))) });

  const choose = (f: File | null) => {
    upload.reset();
    setAdded(null);
    setFile(f);
    if (f && f.size > DOCUMENT_MAX_BYTES) setLocalError(t('documents.tooLarge', { megabytes: DOCUMENT_MAX_BYTES / (1024 * 1024) }));
    else if (f && f.size === 0) setLocalError(t('documents.empty'));
    else setLocalError(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || localError) return;
    setProgress(0);
    upload.mutate(file, {
      onSuccess: (doc) => {
        setAdded(doc.name);
        setFile(null);
        setInputKey((k) => k + 1);
      },
      onSettled: () => setProgress(null),
    });
  };

  return (
    <Panel title={t('documents.title')}>
      {docs.isPending ? (
        <Loading label={t('status.loading', { ns: 'common' })} />
      ) : docs.isError ? (
        <Alert tone="error" actions={<Button onClick={() => void docs.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {docs.error.message}
        </Alert>
      ) : docs.data.items.length === 0 ? (
        <p className="muted">{t('documents.empty_list')}</p>
      ) : (
        // The notes' card list: long names wrap anywhere rather than widen the page on a phone.
        <ul className="case-notes" data-testid="case-documents">
          {docs.data.items.map((d) => (
            <li key={d.id} className="case-note" data-testid="case-document">
              <p className="case-note__body">
                <a href={documentsApi.downloadUrl(caseId, d.id)} download={d.name}>
                  {d.name}
                </a>
              </p>
              <p className="muted">
                {t('documents.meta', { type: TYPE_LABELS[d.mediaType] ?? d.mediaType, size: size(d.sizeBytes), name: d.uploadedBy?.name ?? t('timeline.system'), time: fmt.dateTime(d.at) })}
                {canWrite ? (
                  <>
                    {' '}
                    <Button variant="quiet" onClick={() => setRemoving(d)} aria-label={t('documents.removeOne', { name: d.name })}>
                      {t('documents.remove')}
                    </Button>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite ? (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <TextField
            key={inputKey}
            type="file"
            label={t('documents.file')}
            hint={t('documents.fileHint', { megabytes: DOCUMENT_MAX_BYTES / (1024 * 1024) })}
            accept={DOCUMENT_ACCEPT}
            error={fileError}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {progress !== null ? (
            <p>
              <progress max={1} value={progress} aria-label={t('documents.uploading')} /> {t('documents.progress', { percent: Math.round(progress * 100) })}
            </p>
          ) : null}
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {added ? <Alert tone="success">{t('documents.added', { name: added })}</Alert> : null}
          <div className="button-row">
            <Button type="submit" busy={upload.isPending} disabled={!file || Boolean(localError)}>
              {upload.isPending ? t('documents.uploading') : t('documents.upload')}
            </Button>
          </div>
        </form>
      ) : null}
      <ConfirmDialog
        subject={removing}
        title={t('documents.removeTitle')}
        body={(d) => t('documents.removeBody', { name: d.name })}
        confirmLabel={t('documents.remove')}
        cancelLabel={t('actions.cancel', { ns: 'common' })}
        closeLabel={t('actions.close', { ns: 'common' })}
        action={(d) => remove.mutateAsync(d)}
        onDone={() => setRemoving(null)}
        onClose={() => setRemoving(null)}
      />
    </Panel>
  );
}
