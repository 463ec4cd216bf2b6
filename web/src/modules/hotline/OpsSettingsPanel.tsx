import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotlineSettings } from '../../../../contracts/hotline-admin.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSaveSettings } from './hotline-admin.api.ts';
import { formatDuration } from './inbox-time.ts';

const FIELDS = ['ringSeconds', 'emergencyAlertSeconds'] as const;

type Field = (typeof FIELDS)[number];
const wholeNumber = (v: string) => /^\s*\d{1,6}\s*$/.test(v);

function SettingsForm({ settings }: { settings: HotlineSettings }) {
  const { t } = useTranslation('hotline');
  const formRef = useRef<HTMLFormElement>(null);
  const [ring, setRing] = useState(String(settings.ringSeconds));
  const [alertAfter, setAlertAfter] = useState(String(settings.emergencyAlertSeconds));
  const [saved, setSaved] = useState(false);
  const [notNumbers, setNotNumbers] = useState<Field[]>([]);
  const save = useSaveSettings();
  const serverErrors = splitError(save.error, FIELDS);
  const errors = { form: serverErrors.form, fields: { ...serverErrors.fields } as Partial<Record<Field, string>> };
  for (const f of notNumbers) errors.fields[f] = t('ops.settings.wholeSeconds');
  useFocusFirstInvalid(formRef, notNumbers.length ? notNumbers : save.error);

  // Another coordinator saved (the stream brings it): show what is saved now.
  useEffect(() => {
    setRing(String(settings.ringSeconds));
    setAlertAfter(String(settings.emergencyAlertSeconds));
  }, [settings.ringSeconds, settings.emergencyAlertSeconds]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const bad = FIELDS.filter((f) => !wholeNumber(f === 'ringSeconds' ? ring : alertAfter));
    setNotNumbers(bad);
    if (bad.length) {
      save.reset();
      return;
    }
    // The server checks the ranges (5–120, 30–3600) and names the field at fault, in the page's language.
    save.mutate({ ringSeconds: Number(ring), emergencyAlertSeconds: Number(alertAfter) }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {saved ? <Alert tone="success">{t('ops.settings.saved')}</Alert> : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="form-grid">
        <TextField
          label={t('ops.settings.ringSeconds')}
          hint={t('ops.settings.ringHint')}
          inputMode="numeric"
          autoComplete="off"
          value={ring}
          onChange={(e) => setRing(e.target.value)}
          error={errors.fields.ringSeconds}
        />
        <TextField
          label={t('ops.settings.emergencyAlertSeconds')}
          hint={t('ops.settings.emergencyHint')}
          inputMode="numeric"
          autoComplete="off"
          value={alertAfter}
          onChange={(e) => setAlertAfter(e.target.value)}
          error={errors.fields.emergencyAlertSeconds}
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('actions.save', { ns: 'common' })}
        </Button>
      </div>
    </form>
  );
}

/** How calls ring: seconds per tier of phones, and how soon an unanswered emergency alerts the coordinator. */
export function OpsSettingsPanel({ settings, canChange }: { settings: HotlineSettings; canChange: boolean }) {
  const { t, i18n } = useTranslation('hotline');
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Panel title={t('ops.settings.title')}>
      {canChange ? (
        <SettingsForm settings={settings} />
      ) : (
        <DetailList
          items={[
            { key: 'ring', term: t('ops.settings.ringSeconds'), value: formatDuration(settings.ringSeconds, lang) },
            { key: 'alert', term: t('ops.settings.emergencyAlertSeconds'), value: formatDuration(settings.emergencyAlertSeconds, lang) },
          ]}
        />
      )}
    </Panel>
  );
}
