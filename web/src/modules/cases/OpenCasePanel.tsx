import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseType, OpenCaseInput } from '../../../../contracts/cases.ts';
import type { ConversationDetail } from '../../../../contracts/hotline.ts';
import { paths } from '../../app/paths.ts';
import { isApiError } from '../../lib/api.ts';
import { useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCan } from '../auth/session.ts';
import { inboxKeys } from '../hotline/hotline.api.ts';
import { CASE_TYPES, NAME_MAX_CHARS, TYPE_FROM_CATEGORY } from './case-options.ts';
import { caseKeys, casesApi } from './cases.api.ts';

const FIELDS = ['type', 'givenName', 'familyName', 'nameKo'];

const typeFor = (c: ConversationDetail): CaseType | '' => (c.category ? TYPE_FROM_CATEGORY[c.category] : '');

/**
 * "Open a case" on a hotline conversation, for those who may work cases. The type starts
 * from the conversation's category (and follows it when the triage changes). A member who
 * is not on record yet is added with the name asked for here (the server says so with
 * person_required); then the page goes to the case. A second click returns the same case.
 */
export function OpenCasePanel({ conversation }: { conversation: ConversationDetail }) {
  if (!useCan('cases.write')) return null;
  return <OpenCaseForm conversation={conversation} />;
}

function OpenCaseForm({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('cases');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [type, setType] = useState<CaseType | ''>(typeFor(c));
  const [shownCategory, setShownCategory] = useState(c.category);
  if (shownCategory !== c.category) {
    setShownCategory(c.category);
    setType(typeFor(c));
  }
  const [needName, setNeedName] = useState(false);
  const [name, setName] = useState({ givenName: '', familyName: '', nameKo: '' });
  const formRef = useRef<HTMLFormElement>(null);

  const open = useMutation({
    mutationFn: (input: OpenCaseInput) => casesApi.open(input),
    onSuccess: async (opened) => {
      await Promise.all([qc.invalidateQueries({ queryKey: caseKeys.all }), qc.invalidateQueries({ queryKey: inboxKeys.detail(c.id) })]);
      void navigate(paths.case(opened.id));
    },
    onError: (err) => {
      if (isApiError(err) && err.code === 'person_required') setNeedName(true);
    },
  });
  // The server asking for the name is a question, not an error: it shows as the name fields.
  const asked = isApiError(open.error) && open.error.code === 'person_required';
  const shownError = asked ? null : open.error;
  // "newPerson.givenName" is shown at the given-name input.
  const field = isApiError(shownError) ? shownError.field?.replace(/^newPerson\./, '') : undefined;
  const fieldError = (name: string) => (field === name ? shownError?.message : undefined);
  const formError = shownError && !FIELDS.includes(field ?? '') ? shownError.message : null;
  useFocusFirstInvalid(formRef, shownError);
  useEffect(() => {
    if (asked) formRef.current?.querySelector<HTMLInputElement>('input[name="givenName"]')?.focus();
  }, [asked]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: OpenCaseInput = { conversationId: c.id };
    if (type) input.type = type;
    if (needName) {
      input.newPerson = { givenName: name.givenName.trim() };
      if (name.familyName.trim()) input.newPerson.familyName = name.familyName.trim();
      if (name.nameKo.trim()) input.newPerson.nameKo = name.nameKo.trim();
    }
    open.mutate(input);
  };
  const setName_ = (k: keyof typeof name) => (e: { target: { value: string } }) => setName((n) => ({ ...n, [k]: e.target.value }));

  return (
    <Panel title={t('open.title')} className="open-case">
      <p className="muted">{t('open.intro')}</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <Select
          label={t('open.type')}
          value={type}
          error={fieldError('type')}
          onChange={(e) => setType(e.target.value as CaseType | '')}
          options={[{ value: '', label: t('open.chooseType') }, ...CASE_TYPES.map((k) => ({ value: k, label: t(`types.${k}`) }))]}
        />
        {needName ? (
          <>
            <Alert tone="info">{t('open.needName')}</Alert>
            <TextField
              name="givenName"
              label={t('open.givenName')}
              requiredText={t('required', { ns: 'common' })}
              value={name.givenName}
              maxLength={NAME_MAX_CHARS}
              error={fieldError('givenName')}
              onChange={setName_('givenName')}
              autoComplete="off"
              required
            />
            <TextField name="familyName" label={t('open.familyName')} value={name.familyName} maxLength={NAME_MAX_CHARS} error={fieldError('familyName')} onChange={setName_('familyName')} autoComplete="off" />
            <TextField
              name="nameKo"
              label={t('open.nameKo')}
              hint={t('open.nameKoHint')}
              lang="ko"
              value={name.nameKo}
              maxLength={NAME_MAX_CHARS}
              error={fieldError('nameKo')}
              onChange={setName_('nameKo')}
              autoComplete="off"
            />
          </>
        ) : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="button-row">
          <Button type="submit" variant="primary" busy={open.isPending} disabled={needName && !name.givenName.trim()}>
            {needName ? t('open.create') : t('open.open')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
