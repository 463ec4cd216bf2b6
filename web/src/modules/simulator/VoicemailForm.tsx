import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** After the beep: the words the member "says" stand in for the audio the simulator cannot record. */
export function VoicemailForm({ onLeave, busy }: { onLeave: (text: string) => void; busy: boolean }) {
  const { t } = useTranslation('simulator');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onLeave(text.trim());
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('call.message')} hint={t('call.messageHint')} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="primary" busy={busy} disabled={!text.trim()}>
        {t('call.leaveMessage')}
      </Button>
    </form>
  );
}
