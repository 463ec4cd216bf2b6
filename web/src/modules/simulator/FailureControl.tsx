import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { useFailureChange, useFailures } from './simulator.api.ts';

/** "Make this number fail": every later text or call Haven sends to the member's phone fails with the chosen Twilio code. */
export function FailureControl({ phone }: { phone: string | null }) {
  const { t } = useTranslation('simulator');
  const failures = useFailures();
  const change = useFailureChange();
  const [code, setCode] = useState('');
  const codes = failures.data?.codes ?? [];
  const current = failures.data?.items.find((f) => f.phone === phone);
  const meaning = (c: number) => codes.find((x) => x.code === c)?.meaning ?? '';

  return (
    <Panel title={t('fail.title')}>
      <p className="muted">{t('fail.intro')}</p>
      {change.error ? <Alert tone="error">{change.error.message}</Alert> : null}
      {!phone ? <p className="muted">{t('phone.needMine')}</p> : null}
      {phone && current ? (
        <Alert tone="warning" actions={<Button busy={change.isPending} onClick={() => change.mutate({ phone, code: null })}>{t('fail.clear')}</Button>}>
          {t('fail.current', { phone, code: current.code, meaning: meaning(current.code) })}
        </Alert>
      ) : null}
      {phone ? (
        <div className="form-grid">
          <Select
            label={t('fail.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            options={[
              { value: '', label: t('fail.pick') },
              ...codes.map((c) => ({ value: String(c.code), label: `${c.code} · ${c.meaning} (${t(`fail.stage.${c.stage}`)})` })),
            ]}
          />
          <div className="button-row">
            <Button variant="danger" disabled={!code} busy={change.isPending} onClick={() => change.mutate({ phone, code: Number(code) })}>
              {t('fail.apply')}
            </Button>
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
