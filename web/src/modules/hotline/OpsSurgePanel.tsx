import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HotlineSettings } from '../../../../contracts/hotline-admin.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCallbacks } from './hotline-admin.api.ts';
import { formatDuration, secondsSince, useNow } from './inbox-time.ts';
import { OpsSurgeDialog } from './OpsSurgeDialog.tsx';
import { OpsSurgeEffects } from './OpsSurgeEffects.tsx';

/**
 * The surge switch. It never flips on a tap: a dialog says what will change for callers and
 * texters and asks to confirm. The state is said in words beside the switch.
 */
export function OpsSurgePanel({ settings, canChange }: { settings: HotlineSettings; canChange: boolean }) {
  const { t, i18n } = useTranslation('hotline');
  const fmt = useFormat();
  const now = useNow(30_000);
  const lang = i18n.resolvedLanguage ?? 'en';
  const [asking, setAsking] = useState(false);
  const [changed, setChanged] = useState<boolean | null>(null);
  const queue = useCallbacks('open');
  const on = settings.surge;

  return (
    <Panel title={t('ops.surge.title')} className={['ops-surge', on ? 'ops-surge--on' : ''].filter(Boolean).join(' ')}>
      <div className="ops-surge__row">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-describedby="ops-surge-state"
          className="ops-switch"
          disabled={!canChange}
          onClick={() => {
            setChanged(null);
            setAsking(true);
          }}
        >
          <span className="ops-switch__label">{t('ops.surge.switch')}</span>
          <span className="ops-switch__track" aria-hidden="true">
            <span className="ops-switch__thumb" />
          </span>
          <span className="ops-switch__state" aria-hidden="true">
            {on ? t('ops.surge.on') : t('ops.surge.off')}
          </span>
        </button>
      </div>
      <div id="ops-surge-state" className="ops-surge__state" data-testid="surge-state">
        {on ? (
          <p>
            <Badge tone="caution">
              <span aria-hidden="true">! </span>
              {t('ops.surge.onBadge')}
            </Badge>{' '}
            {settings.surgeSince
              ? t('ops.surge.onSince', { time: fmt.dateTime(settings.surgeSince), duration: formatDuration(secondsSince(settings.surgeSince, now), lang) })
              : t('ops.surge.onNoTime')}
          </p>
        ) : (
          <p>{t('ops.surge.offText')}</p>
        )}
      </div>
      <p role="status" className="ops-surge__changed">
        {changed === null ? '' : changed ? t('ops.surge.turnedOn') : t('ops.surge.turnedOff')}
      </p>
      <h3 className="ops-surge__what">{t('ops.surge.whatTitle')}</h3>
      <OpsSurgeEffects />
      {queue.data ? (
        <p>
          <Link to={paths.hotlineCallbacks}>{t('ops.surge.queueLink', { n: fmt.number(queue.data.open) })}</Link>
        </p>
      ) : null}
      <OpsSurgeDialog
        open={asking}
        turnOn={!on}
        onClose={() => setAsking(false)}
        onDone={(surge) => {
          setAsking(false);
          setChanged(surge);
        }}
      />
    </Panel>
  );
}
