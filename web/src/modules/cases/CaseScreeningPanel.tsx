import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseScreeningView } from '../../../../contracts/screening.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { errorFields, toAnswers, toValues, uiLang } from './screening-form.ts';
import { useCaseScreening, useSaveScreening } from './screening.api.ts';
import { ScreeningFieldInput } from './ScreeningFieldInput.tsx';
import { ScreeningFindings } from './ScreeningFindings.tsx';
import './screening.css';

/**
 * The case's screening: the affiliate's form for this case type, drawn from its definition in
 * the page's language, the saved answers, and what the rules concluded. Answers stay on the
 * form version they were given on. Server errors name `answers.<key>` and show beside it.
 */
export function CaseScreeningPanel({ c, canWrite }: { c: { id: string }; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const query = useCaseScreening(c.id);
  return (
    <Panel title={t('screening.title')} className="case-screening">
      <p className="muted">{t('screening.intro')}</p>
      {query.isPending ? (
        <Loading label={t('status.loading', { ns: 'common' })} />
      ) : query.isError && !query.data ? (
        <Alert tone="error" actions={<Button onClick={() => void query.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
          {query.error.message}
        </Alert>
      ) : (
        <ScreeningForm key={query.data.form.version} view={query.data} canWrite={canWrite} />
      )}
    </Panel>
  );
}

/** Keyed by form version; when the saved answers change (here or by someone else), the form takes them over. */
function ScreeningForm({ view, canWrite }: { view: CaseScreeningView; canWrite: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const fmt = useFormat();
  const lang = uiLang(i18n.resolvedLanguage ?? i18n.language);
  const def = view.form.definition;
  const serverKey = view.screening?.updatedAt ?? '';
  const [values, setValues] = useState(() => toValues(def, view.screening?.answers));
  const [shown, setShown] = useState(serverKey);
  if (shown !== serverKey) {
    setShown(serverKey);
    setValues(toValues(def, view.screening?.answers));
  }
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveScreening(view.caseId);
  const errors = splitError(save.error, errorFields(def));
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ formVersion: view.form.version, caseType: view.caseType, answers: toAnswers(def, values) }, { onSuccess: () => setSaved(true) });
  };
  const s = view.screening;

  return (
    <>
      {s ? (
        <p className="muted screening-meta">
          {t('screening.answeredOn', { version: s.formVersion, when: fmt.dateTime(s.updatedAt), who: s.updatedBy?.name ?? t('timeline.system') })}
        </p>
      ) : (
        <p>{t('screening.none')}</p>
      )}
      {s ? <ScreeningFindings findings={s.findings} /> : null}
      {canWrite ? (
        <form ref={formRef} className="form screening-form" onSubmit={submit} noValidate>
          {def.fields.map((f) => (
            <ScreeningFieldInput
              key={f.key}
              field={f}
              lang={lang}
              idPrefix={`screening-${view.caseId}`}
              value={values[f.key] ?? ''}
              error={errors.fields[`answers.${f.key}`]}
              onChange={(v) => {
                setValues((old) => ({ ...old, [f.key]: v }));
                setSaved(false);
              }}
            />
          ))}
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {saved ? <Alert tone="success">{t('screening.saved')}</Alert> : null}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={save.isPending}>
              {t('screening.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}
