import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonSummary } from '../../../../contracts/people.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { personLabel } from './person-names.ts';
import { peopleApi, peopleKeys, usePeopleSearch } from './people.api.ts';

export interface MergeDuplicateDialogProps {
  target: Person;
  open: boolean;
  onClose: () => void;
  onMerged: (merged: Person, duplicate: PersonSummary) => void;
}

/**
 * Find the duplicate, confirm, merge. The record on screen survives; the duplicate only
 * fills fields that are empty here, and is kept (marked merged) so old links still work.
 */
export function MergeDuplicateDialog({ target, open, onClose, onMerged }: MergeDuplicateDialogProps) {
  const { t } = useTranslation('people');
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [duplicate, setDuplicate] = useState<PersonSummary | null>(null);

  const results = usePeopleSearch({ q: query, limit: 10 }, open && query !== '');
  const candidates = (results.data?.items ?? []).filter((p) => p.id !== target.id);

  const merge = useMutation({
    mutationFn: (dup: PersonSummary) => peopleApi.merge(target.id, dup.id),
    onSuccess: (merged, dup) => {
      queryClient.setQueryData(peopleKeys.detail(merged.id), merged);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.consents(merged.id) });
      void queryClient.invalidateQueries({ queryKey: [...peopleKeys.all, 'search'] });
      queryClient.removeQueries({ queryKey: peopleKeys.detail(dup.id) });
      close();
      onMerged(merged, dup);
    },
  });

  function close() {
    setText('');
    setQuery('');
    setDuplicate(null);
    merge.reset();
    onClose();
  }

  const search = (e: FormEvent) => {
    e.preventDefault();
    setDuplicate(null);
    setQuery(text.trim());
  };

  const footer = duplicate ? (
    <>
      <Button onClick={() => setDuplicate(null)}>{t('actions.back', { ns: 'common' })}</Button>
      <Button variant="danger" busy={merge.isPending} onClick={() => merge.mutate(duplicate)}>
        {t('merge.confirm')}
      </Button>
    </>
  ) : (
    <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
  );

  return (
    <Dialog open={open} onClose={close} title={t('merge.title')} closeLabel={t('actions.close', { ns: 'common' })} footer={footer}>
      {duplicate ? (
        <>
          <Alert tone="warning" title={t('merge.confirmTitle')}>
            <p>{t('merge.confirmBody', { duplicate: personLabel(duplicate), target: personLabel(target) })}</p>
            <p>{t('merge.irreversible')}</p>
          </Alert>
          {merge.error ? <Alert tone="error">{merge.error.message}</Alert> : null}
        </>
      ) : (
        <>
          <p>{t('merge.intro', { target: personLabel(target) })}</p>
          <form role="search" onSubmit={search} aria-label={t('merge.searchLabel')}>
            <TextField label={t('merge.searchField')} hint={t('list.queryHint')} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            <Button type="submit" variant="primary">
              {t('actions.search', { ns: 'common' })}
            </Button>
          </form>
          {results.isFetching ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
          {results.error ? <Alert tone="error">{results.error.message}</Alert> : null}
          {query && results.data && !results.isFetching ? (
            candidates.length === 0 ? (
              <p role="status">{t('merge.noCandidates')}</p>
            ) : (
              <ul className="result-list" aria-label={t('merge.candidates')}>
                {candidates.map((p) => (
                  <li key={p.id}>
                    <span>
                      <strong>{personLabel(p)}</strong>
                      <br />
                      <span className="muted">{[fmt.phone(p.phone), p.email, p.state].filter(Boolean).join(' · ')}</span>
                    </span>
                    <Button onClick={() => setDuplicate(p)} aria-label={t('merge.chooseNamed', { name: personLabel(p) })}>
                      {t('merge.choose')}
                    </Button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </>
      )}
    </Dialog>
  );
}
