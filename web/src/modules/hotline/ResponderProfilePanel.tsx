import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotlineLang, Responder, ResponderInput } from '../../../../contracts/hotline-shifts.ts';
import { formatPhone } from '../../lib/format.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ResponderCalendarLink } from './ResponderCalendarLink.tsx';
import { ResponderLanguagesField } from './ResponderLanguagesField.tsx';
import { ResponderTimeOff } from './ResponderTimeOff.tsx';
import { shiftKeys, shiftsApi, useShiftResponders } from './shifts.api.ts';

const FIELDS = ['languages', 'phone'] as const;

function MyProfileForm({ profile }: { profile: Responder | null }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [languages, setLanguages] = useState<HotlineLang[]>(profile?.languages ?? []);
  const [phone, setPhone] = useState(formatPhone(profile?.phone));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ResponderInput) => shiftsApi.saveMine(body),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ languages, phone: phone.trim() || null });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      {saved ? <Alert tone="success">{t('responders.mine.saved')}</Alert> : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <ResponderLanguagesField value={languages} onChange={setLanguages} error={errors.fields.languages} />
      <TextField label={t('responders.phone')} hint={t('responders.phoneHint')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.fields.phone} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('actions.save', { ns: 'common' })}
        </Button>
      </div>
    </form>
  );
}

/** My responder profile: languages and phone, my calendar link, my time off. */
export function ResponderProfilePanel() {
  const { t } = useTranslation('hotline');
  const list = useShiftResponders();
  const me = list.data?.me ?? null;
  const profile = list.data?.items.find((r) => r.userId === me) ?? null;
  return (
    <Panel title={t('responders.mine.title')}>
      {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {list.error ? <Alert tone="error">{list.error.message}</Alert> : null}
      {list.data ? (
        <>
          {!profile ? <p>{t('responders.mine.none')}</p> : null}
          {profile && !profile.active ? <Alert tone="info">{t('responders.mine.inactive')}</Alert> : null}
          <MyProfileForm key={profile ? `${profile.userId}-${profile.languages.join()}-${profile.phone}` : 'new'} profile={profile} />
          {profile?.active ? <ResponderCalendarLink linked={profile.calendarLinked} /> : null}
          {profile && me ? <ResponderTimeOff userId={me} /> : null}
        </>
      ) : null}
    </Panel>
  );
}
