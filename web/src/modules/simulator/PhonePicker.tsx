import { useTranslation } from 'react-i18next';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCan } from '../auth/session.ts';
import { useFormat } from '../../lib/use-format.ts';
import { useHavenNumbers, useResponderPhones } from './simulator.api.ts';
import { isE164 } from './my-phone.ts';

/**
 * "My phone" (typed: a member's number, or a hotline responder's to be rung by Haven), a
 * shortcut to the responders' phones the viewer may see, and the Haven number it texts or calls.
 */
export function PhonePicker(props: { myPhone: string; onMyPhone: (p: string) => void; haven: string; onHaven: (p: string) => void }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const numbers = useHavenNumbers();
  const items = numbers.data?.items ?? [];
  const responders = useResponderPhones(useCan('hotline.respond')).data ?? [];
  const myPhoneError = props.myPhone && !isE164(props.myPhone) ? t('phone.invalid') : undefined;
  return (
    <div className="form-grid sim-picker">
      <TextField
        label={t('phone.mine')}
        hint={t('phone.mineHint')}
        error={myPhoneError}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={props.myPhone}
        onChange={(e) => props.onMyPhone(e.target.value.replace(/[\s()-]/g, ''))}
      />
      {responders.length ? (
        <Select
          label={t('phone.responder')}
          hint={t('phone.responderHint')}
          value={responders.some((r) => r.phone === props.myPhone) ? props.myPhone : ''}
          onChange={(e) => e.target.value && props.onMyPhone(e.target.value)}
          options={[{ value: '', label: t('phone.pickResponder') }, ...responders.map((r) => ({ value: r.phone ?? '', label: `${r.displayName} · ${fmt.phone(r.phone)}` }))]}
        />
      ) : null}
      <Select
        label={t('phone.haven')}
        hint={numbers.isSuccess && items.length === 0 ? t('phone.noNumbers') : undefined}
        value={props.haven}
        onChange={(e) => props.onHaven(e.target.value)}
        options={[{ value: '', label: t('phone.pick') }, ...items.map((n) => ({ value: n.phone, label: `${n.phone} · ${n.orgName}${n.label ? ` (${n.label})` : ''}` }))]}
      />
    </div>
  );
}
