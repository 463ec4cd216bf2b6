import { useTranslation } from 'react-i18next';
import type { SimulatorCall } from '../../../../contracts/simulator.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCallMove, useHavenNumbers } from './simulator.api.ts';

/** Haven's Dial is ringing this phone: it shows only the hotline number (never the caller's), as a real phone would. */
export function IncomingCallCard({ call, onAnswered }: { call: SimulatorCall; onAnswered: (sid: string) => void }) {
  const { t } = useTranslation('simulator');
  const fmt = useFormat();
  const move = useCallMove(call.sid);
  const org = useHavenNumbers().data?.items.find((n) => n.phone === call.from)?.orgName;
  return (
    <Panel title={t('incoming.title')} className="sim-incoming">
      {move.error ? <Alert tone="error">{move.error.message}</Alert> : null}
      <p className="sim-incoming__from">
        <span className="sim-incoming__icon" aria-hidden="true">
          ☎
        </span>{' '}
        {org ? t('incoming.fromOrg', { number: fmt.phone(call.from), org }) : t('incoming.from', { number: fmt.phone(call.from) })}
      </p>
      <div className="button-row">
        <Button variant="primary" busy={move.isPending} onClick={() => move.mutate({ kind: 'answer' }, { onSuccess: (c) => onAnswered(c.sid) })}>
          {t('incoming.answer')}
        </Button>
        <Button variant="danger" busy={move.isPending} onClick={() => move.mutate({ kind: 'reject' })}>
          {t('incoming.decline')}
        </Button>
      </div>
    </Panel>
  );
}
