import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sender, SenderInput } from '../../../../contracts/messaging.ts';
import { formatPhone } from '../../lib/format.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { messagingApi, messagingKeys } from './messaging.api.ts';

const FIELDS = ['label', 'phone', 'messagingServiceSid', 'segmentsPerSecond', 'isDefault'] as const;

/**
 * The pace as the server expects it. A comma typed as decimal separator (es keyboards)
 * still means a decimal point. Text that is not a number is sent as typed, so the server's
 * translated message lands beside the field (NaN would turn into null in JSON: unpaced).
 */
function paceValue(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : (raw as unknown as number);
}

/** Add a sender (sender = null) or edit one. An empty pace field means unpaced, not zero. */
export function SenderForm({ sender, onDone, onCancel }: { sender: Sender | null; onDone: (s: Sender) => void; onCancel: () => void }) {
  const { t } = useTranslation('messaging');
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [label, setLabel] = useState(sender?.label ?? '');
  const [phone, setPhone] = useState(formatPhone(sender?.phone));
  const [service, setService] = useState(sender?.messagingServiceSid ?? '');
  const [pace, setPace] = useState(sender?.segmentsPerSecond == null ? '' : String(sender.segmentsPerSecond));
  const [isDefault, setIsDefault] = useState(sender?.isDefault ?? false);

  const save = useMutation({
    mutationFn: (body: SenderInput) => (sender ? messagingApi.updateSender(sender.id, body) : messagingApi.createSender(body)),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: messagingKeys.senders });
      onDone(s);
    },
  });
  const errors = splitError(save.error, FIELDS);
  useFocusFirstInvalid(formRef, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: SenderInput = {
      label: label.trim(),
      phone: phone.trim() || null,
      messagingServiceSid: service.trim() || null,
      segmentsPerSecond: paceValue(pace),
    };
    // Only send isDefault when it changes something: unsetting is done by choosing another default.
    if (isDefault && !sender?.isDefault) body.isDefault = true;
    save.mutate(body);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form">
      <h3>{sender ? t('senders.editTitle', { label: sender.label }) : t('senders.addTitle')}</h3>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <TextField label={t('senders.label')} hint={t('senders.labelHint')} value={label} onChange={(e) => setLabel(e.target.value)} error={errors.fields.label} autoComplete="off" />
      <TextField label={t('senders.phone')} hint={t('senders.phoneHint')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.fields.phone} autoComplete="off" />
      <TextField
        label={t('senders.service')}
        hint={t('senders.serviceHint')}
        value={service}
        onChange={(e) => setService(e.target.value)}
        error={errors.fields.messagingServiceSid}
        autoComplete="off"
        spellCheck={false}
        className="mono"
      />
      <TextField label={t('senders.pace')} hint={t('senders.paceHint')} inputMode="decimal" value={pace} onChange={(e) => setPace(e.target.value)} error={errors.fields.segmentsPerSecond} autoComplete="off" />
      <Checkbox
        label={t('senders.makeDefault')}
        hint={sender?.isDefault ? t('senders.isDefaultHint') : t('senders.makeDefaultHint')}
        checked={isDefault}
        disabled={sender?.isDefault}
        onChange={(e) => setIsDefault(e.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('actions.save', { ns: 'common' })}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel', { ns: 'common' })}</Button>
      </div>
    </form>
  );
}
