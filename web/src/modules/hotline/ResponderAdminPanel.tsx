import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotlineLang, Responder, ResponderInput } from '../../../../contracts/hotline-shifts.ts';
import { useCan } from '../auth/session.ts';
import { formatPhone } from '../../lib/format.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { LanguageName } from '../people/LanguageName.tsx';
import { orgApi, orgKeys } from '../organizations/organizations.api.ts';
import { ResponderLanguagesField } from './ResponderLanguagesField.tsx';
import { shiftKeys, shiftsApi, useShiftResponders } from './shifts.api.ts';

const FIELDS = ['userId', 'languages', 'phone', 'maxOpen', 'active'] as const;

function ResponderEditForm({ responder, candidates, onDone, onCancel }: { responder: Responder | null; candidates: { userId: string; displayName: string }[]; onDone: (msg: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('hotline');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [userId, setUserId] = useState(responder?.userId ?? candidates[0]?.userId ?? '');
  const [languages, setLanguages] = useState<HotlineLang[]>(responder?.languages ?? []);
  const [phone, setPhone] = useState(formatPhone(responder?.phone));
  const [maxOpen, setMaxOpen] = useState(String(responder?.maxOpen ?? 8));
  const [active, setActive] = useState(responder?.active ?? true);
  const save = useMutation({
    mutationFn: (body: ResponderInput) => shiftsApi.saveResponder(userId, body),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
      onDone(t('responders.admin.saved', { name: r.displayName }));
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ languages, phone: phone.trim() || null, maxOpen: Number(maxOpen), active });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      <h3>{responder ? t('responders.admin.editTitle', { name: responder.displayName }) : t('responders.admin.addTitle')}</h3>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {responder ? null : (
        <Select label={t('shifts.form.person')} value={userId} onChange={(e) => setUserId(e.target.value)} error={errors.fields.userId} options={candidates.map((c) => ({ value: c.userId, label: c.displayName }))} />
      )}
      <ResponderLanguagesField value={languages} onChange={setLanguages} error={errors.fields.languages} />
      <TextField label={t('responders.phone')} hint={t('responders.phoneHint')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.fields.phone} autoComplete="off" />
      <TextField label={t('responders.maxOpen')} hint={t('responders.maxOpenHint')} type="number" min={1} max={100} inputMode="numeric" value={maxOpen} onChange={(e) => setMaxOpen(e.target.value)} error={errors.fields.maxOpen} />
      <Checkbox label={t('responders.active')} hint={t('responders.activeHint')} checked={active} onChange={(e) => setActive(e.target.checked)} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!userId}>
          {t('actions.save', { ns: 'common' })}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel', { ns: 'common' })}</Button>
      </div>
    </form>
  );
}

/** Coordinators: who answers the hotline, in which languages, on which phone, with how much load. */
export function ResponderAdminPanel() {
  const { t } = useTranslation('hotline');
  const canSeeMembers = useCan('members.read');
  const queryClient = useQueryClient();
  const list = useShiftResponders();
  const members = useQuery({ queryKey: orgKeys.members, queryFn: orgApi.members, enabled: canSeeMembers });
  const [editing, setEditing] = useState<Responder | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const deactivate = useMutation({
    mutationFn: (r: Responder) => shiftsApi.deactivateResponder(r.userId).then(() => r),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: shiftKeys.all });
      setNotice(t('responders.admin.deactivated', { name: r.displayName }));
    },
  });
  const items = list.data?.items ?? [];
  const have = new Set(items.map((r) => r.userId));
  const candidates = (members.data?.items ?? []).filter((m) => !have.has(m.userId));

  return (
    <Panel
      title={t('responders.admin.title')}
      actions={editing || !candidates.length ? null : <Button onClick={() => { setNotice(null); setEditing('new'); }}>{t('responders.admin.add')}</Button>}
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {deactivate.error ? <Alert tone="error">{deactivate.error.message}</Alert> : null}
      {editing ? (
        <ResponderEditForm
          key={editing === 'new' ? 'new' : editing.userId}
          responder={editing === 'new' ? null : editing}
          candidates={candidates}
          onDone={(msg) => { setEditing(null); setNotice(msg); }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {list.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {list.error ? <Alert tone="error">{list.error.message}</Alert> : null}
      {list.data && !items.length ? <p>{t('responders.admin.none')}</p> : null}
      <ul className="shifts-rows">
        {items.map((r) => (
          <li key={r.userId} className="shifts-row">
            <span>
              <strong>{r.displayName}</strong> {r.active ? null : <Badge tone="caution">{t('responders.admin.inactive')}</Badge>}
              <br />
              {r.languages.map((l, i) => (
                <span key={l}>
                  {i ? ', ' : ''}
                  <LanguageName lang={l} />
                </span>
              ))}
              {' · '}
              {r.phone ? formatPhone(r.phone) : t('responders.admin.noPhone')}
              {' · '}
              {t('responders.admin.maxOpenShort', { count: r.maxOpen })}
            </span>
            <span className="button-row">
              <Button aria-label={t('responders.admin.editNamed', { name: r.displayName })} onClick={() => { setNotice(null); setEditing(r); }}>
                {t('responders.admin.edit')}
              </Button>
              {r.active ? (
                <Button variant="danger" aria-label={t('responders.admin.deactivateNamed', { name: r.displayName })} busy={deactivate.isPending && deactivate.variables?.userId === r.userId} onClick={() => deactivate.mutate(r)}>
                  {t('responders.admin.deactivate')}
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
