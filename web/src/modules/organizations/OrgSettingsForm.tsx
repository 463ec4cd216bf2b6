import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contracts/common.ts';
import type { OrgSettings, OrgSettingsPatch } from '../../../../contracts/organizations.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { sessionKey, useSession } from '../auth/session.ts';
import { orgApi, orgKeys } from './organizations.api.ts';
import { timeZoneOptions } from './time-zones.ts';

const FIELDS = ['name', 'timeZone', 'languages', 'mfaRequiredForSensitive'] as const;

export function OrgSettingsForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const { mfaEnabled } = useSession().user;
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(settings.name);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [languages, setLanguages] = useState<Lang[]>(settings.languages);
  const [mfa, setMfa] = useState(settings.mfaRequiredForSensitive);
  const [savedAt, setSavedAt] = useState(0);

  const save = useMutation({
    mutationFn: (patch: OrgSettingsPatch) => orgApi.updateSettings(patch),
    onSuccess: (next) => {
      queryClient.setQueryData(orgKeys.settings, next);
      void queryClient.invalidateQueries({ queryKey: sessionKey }); // org name, and 2FA duty, live in the session
      setSavedAt(Date.now());
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only what changed: the audit entry then names exactly what was touched.
    const patch: OrgSettingsPatch = {};
    if (name.trim() !== settings.name) patch.name = name.trim();
    if (timeZone !== settings.timeZone) patch.timeZone = timeZone;
    if ([...languages].sort().join() !== [...settings.languages].sort().join()) patch.languages = LANGUAGES.filter((l) => languages.includes(l));
    if (mfa !== settings.mfaRequiredForSensitive) patch.mfaRequiredForSensitive = mfa;
    save.mutate(patch);
  };
  const toggleLanguage = (l: Lang, on: boolean) => setLanguages((cur) => (on ? [...new Set([...cur, l])] : cur.filter((x) => x !== l)));

  return (
    <>
      <Panel title={t('settings.about')}>
        <DetailList
          items={[
            { key: 'kind', term: t('settings.kind'), value: t(`settings.kinds.${settings.kind}`) },
            { key: 'slug', term: t('settings.slug'), value: <span className="mono">{settings.slug}</span> },
            { key: 'states', term: t('settings.statesServed'), value: settings.statesServed.join(', ') },
          ]}
        />
      </Panel>
      <form ref={formRef} onSubmit={submit} noValidate className="panel form">
        <h2>{t('settings.formTitle')}</h2>
        {savedAt ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField label={t('settings.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} autoComplete="organization" />
        <Select
          label={t('settings.timeZone')}
          hint={t('settings.timeZoneHint')}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          error={errors.fields.timeZone}
          options={timeZoneOptions(settings.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
        />
        <Fieldset legend={t('settings.languages')} hint={t('settings.languagesHint')} error={errors.fields.languages}>
          {LANGUAGES.map((l) => (
            <Checkbox key={l} label={<span lang={l}>{LANGUAGE_NAMES[l]}</span>} checked={languages.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} />
          ))}
        </Fieldset>
        <Fieldset legend={t('settings.security')} error={errors.fields.mfaRequiredForSensitive}>
          <Checkbox label={t('settings.mfaRequired')} hint={t('settings.mfaRequiredHint')} checked={mfa} onChange={(e) => setMfa(e.target.checked)} />
          {/* Saving this can lock the admin out of the app until they enrol: say so before, not after. */}
          {mfa && !settings.mfaRequiredForSensitive && !mfaEnabled ? <Alert tone="warning">{t('settings.mfaSelfWarning')}</Alert> : null}
        </Fieldset>
        <div className="button-row">
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t('actions.save', { ns: 'common' })}
          </Button>
        </div>
      </form>
    </>
  );
}
