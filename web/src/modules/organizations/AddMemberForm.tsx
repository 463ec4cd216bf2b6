import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contracts/common.ts';
import type { Member } from '../../../../contracts/organizations.ts';
import { currentLanguage, isUiLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';
import { roleLabel } from './role-label.ts';

const FIELDS = ['email', 'displayName', 'role', 'language'] as const;

/** New people get an invitation email in the language chosen here; existing users just join. */
export function AddMemberForm({ roles, onAdded }: { roles: string[]; onAdded: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const blank = { email: '', displayName: '', role: roles.includes('volunteer') ? 'volunteer' : roles[0], language: currentLanguage() as Lang };
  const [v, setV] = useState(blank);

  const add = useMutation({
    mutationFn: () => orgApi.addMember({ ...v, email: v.email.trim(), displayName: v.displayName.trim() }),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.members });
      setV(blank);
      onAdded(member);
    },
  });
  const errors = splitError(add.error, FIELDS);
  useFocusFirstInvalid(formRef, add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <p className="muted">{t('members.addIntro')}</p>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="form-grid">
        <TextField label={t('members.email')} type="email" inputMode="email" autoComplete="off" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={errors.fields.email} />
        <TextField label={t('members.name')} autoComplete="off" value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} error={errors.fields.displayName} />
        <Select label={t('members.role')} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value })} error={errors.fields.role} options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        <Select
          label={t('members.language')}
          hint={t('members.languageHint')}
          value={v.language}
          onChange={(e) => isUiLanguage(e.target.value) && setV({ ...v, language: e.target.value })}
          error={errors.fields.language}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l }))}
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={add.isPending}>
          {t('members.add')}
        </Button>
      </div>
    </form>
  );
}
