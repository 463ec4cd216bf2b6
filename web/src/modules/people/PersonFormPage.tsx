import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Person } from '../../../../contracts/people.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { paths } from '../../app/paths.ts';
import { isApiError } from '../../lib/api.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useCan } from '../auth/session.ts';
import { PersonForm } from './PersonForm.tsx';
import { emptyValues, toInput, toPatch, valuesFromPerson, type PersonFormValues } from './person-form-values.ts';
import { personLabel } from './person-names.ts';
import { peopleApi, peopleKeys, usePerson } from './people.api.ts';

/** /people/new and /people/:id/edit. */
export function PersonFormPage() {
  const { id } = useParams();
  return id ? <EditPerson id={id} /> : <NewPerson />;
}

function useSaved() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (person: Person) => {
    queryClient.setQueryData(peopleKeys.detail(person.id), person);
    void queryClient.invalidateQueries({ queryKey: [...peopleKeys.all, 'search'] });
    void navigate(paths.person(person.id), { state: { saved: true } });
  };
}

function NewPerson() {
  const { t } = useTranslation('people');
  const canSensitive = useCan('people.read_sensitive');
  const saved = useSaved();
  const create = useMutation({ mutationFn: (v: PersonFormValues) => peopleApi.create(toInput(v, canSensitive)), onSuccess: saved });
  return (
    <>
      <PageHeading title={t('form.newTitle')} description={t('form.intro')} />
      <PersonForm
        initial={emptyValues(currentLanguage())}
        showSensitive={canSensitive}
        submitLabel={t('form.create')}
        cancelTo={paths.people}
        busy={create.isPending}
        error={create.error}
        onSubmit={(v) => create.mutate(v)}
      />
    </>
  );
}

function EditPerson({ id }: { id: string }) {
  const { t } = useTranslation('people');
  const canSensitive = useCan('people.read_sensitive');
  const person = usePerson(id);
  const saved = useSaved();
  const update = useMutation({
    mutationFn: ({ before, after, version }: { before: PersonFormValues; after: PersonFormValues; version: number }) =>
      peopleApi.update(id, toPatch(before, after, version, canSensitive && Boolean(person.data?.sensitive))),
    onSuccess: saved,
  });

  if (person.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (person.error) {
    return (
      <>
        <PageHeading title={t('form.editTitleUnknown')} />
        <Alert tone="error">{person.error.message}</Alert>
      </>
    );
  }
  const p = person.data;
  const initial = valuesFromPerson(p);
  // Only a version conflict is cured by reloading; a merged record (also 409) is not.
  const conflict = isApiError(update.error) && update.error.code === 'conflict';

  // A 409 means someone saved first. Reloading takes their version; the form is keyed by
  // version so it starts over from it (the user's unsaved typing is dropped, knowingly).
  const reload = async () => {
    await person.refetch();
    update.reset();
  };

  return (
    <>
      <PageHeading title={t('form.editTitle', { name: personLabel(p) })} />
      <PersonForm
        key={p.version}
        initial={initial}
        showSensitive={canSensitive && Boolean(p.sensitive)}
        submitLabel={t('form.save')}
        cancelTo={paths.person(id)}
        busy={update.isPending}
        error={update.error}
        errorActions={conflict ? <Button onClick={() => void reload()}>{t('form.reloadLatest')}</Button> : undefined}
        onSubmit={(after) => update.mutate({ before: initial, after, version: p.version })}
      />
    </>
  );
}
