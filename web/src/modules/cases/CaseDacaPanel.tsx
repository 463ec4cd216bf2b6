import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, DacaInput } from '../../../../contracts/cases.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { casesApi, useCaseChange } from './cases.api.ts';
import { DacaPlan } from './DacaPlan.tsx';

const FIELDS = ['expiresOn', 'lastApprovedOn', 'filedOn'] as const;

/**
 * The person's DACA dates and what follows from them: the filing window and the reminders
 * at 180/150/120 days. The saved answer goes into the case at once, so the reminders show
 * as soon as the dates are saved. When the server's dates change (saved here or by someone
 * else), the form takes them over.
 */
export function CaseDacaPanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation('cases');
  const d = c.daca;
  const fromServer = { expiresOn: d?.expiresOn ?? '', lastApprovedOn: d?.lastApprovedOn ?? '', filedOn: d?.filedOn ?? '' };
  const serverKey = `${fromServer.expiresOn}|${fromServer.lastApprovedOn}|${fromServer.filedOn}`;
  const [values, setValues] = useState(fromServer);
  const [shown, setShown] = useState(serverKey);
  if (shown !== serverKey) {
    setShown(serverKey);
    setValues(fromServer);
  }
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useCaseChange(c.id, casesApi.daca, (old, daca) => ({ ...old, daca }));
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const set = (k: (typeof FIELDS)[number]) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [k]: e.target.value }));
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.expiresOn) return;
    setSaved(false);
    const input: DacaInput = { expiresOn: values.expiresOn };
    if (values.lastApprovedOn) input.lastApprovedOn = values.lastApprovedOn;
    if (values.filedOn) input.filedOn = values.filedOn;
    save.mutate(input, { onSuccess: () => setSaved(true) });
  };

  return (
    <Panel title={t('daca.title')} className="case-daca">
      <p className="muted">{t('daca.intro')}</p>
      {d ? <DacaPlan daca={d} /> : <p>{t('daca.none')}</p>}
      {canWrite ? (
        <form ref={formRef} className="form case-daca__form" onSubmit={submit} noValidate>
          <TextField
            type="date"
            name="expiresOn"
            label={t('daca.expiresOn')}
            requiredText={t('required', { ns: 'common' })}
            hint={t('daca.expiresOnHint')}
            value={values.expiresOn}
            error={errors.fields.expiresOn}
            onChange={set('expiresOn')}
            required
          />
          <TextField
            type="date"
            name="lastApprovedOn"
            label={t('daca.lastApprovedOn')}
            hint={t('daca.lastApprovedOnHint')}
            value={values.lastApprovedOn}
            error={errors.fields.lastApprovedOn}
            onChange={set('lastApprovedOn')}
          />
          <TextField
            type="date"
            name="filedOn"
            label={t('daca.filedOn')}
            hint={t('daca.filedOnHint')}
            value={values.filedOn}
            error={errors.fields.filedOn}
            onChange={set('filedOn')}
          />
          {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
          {saved ? <Alert tone="success">{t('daca.saved')}</Alert> : null}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={save.isPending} disabled={!values.expiresOn}>
              {t('daca.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}
