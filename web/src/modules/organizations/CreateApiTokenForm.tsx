import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../../../contracts/auth.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { orgApi, orgKeys } from './organizations.api.ts';
import { permissionLabel } from './role-label.ts';

/** Offers only the actions the creator holds: the server refuses a token wider than its maker. */
export function CreateApiTokenForm({ scopes, onCreated }: { scopes: string[]; onCreated: (t: CreatedApiToken) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);

  const create = useMutation({
    mutationFn: () => orgApi.createToken({ name: name.trim(), scopes: chosen }),
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.tokens });
      setName('');
      setChosen([]);
      onCreated(token);
    },
  });
  const errors = splitError(create.error, ['name', 'scopes']);
  useFocusFirstInvalid(formRef, create.error);
  const toggle = (s: string, on: boolean) => setChosen((cur) => (on ? [...cur, s] : cur.filter((x) => x !== s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.name} autoComplete="off" />
      <Fieldset legend={t('tokens.scopes')} hint={t('tokens.scopesHint')} error={errors.fields.scopes}>
        <div className="checkbox-list">
          {scopes.map((s) => (
            <Checkbox key={s} label={permissionLabel(t, s)} hint={<code>{s}</code>} checked={chosen.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
          ))}
        </div>
      </Fieldset>
      <div className="button-row">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('tokens.create')}
        </Button>
      </div>
    </form>
  );
}
