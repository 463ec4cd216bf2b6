import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Transfer } from '../../../../contracts/hotline-transfers.ts';
import { paths } from '../../app/paths.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/session.ts';
import { ChannelLabel } from './ChannelLabel.tsx';
import { formatDuration, secondsSince, useNow } from './inbox-time.ts';
import { LanguageBadge } from './LanguageBadge.tsx';
import { transfersApi, useTransferChange, useTransfers } from './transfers.api.ts';
import { UrgencyBadge } from './UrgencyBadge.tsx';
import './transfers.css';

/**
 * "Offered to us by other affiliates": conversations another affiliate could not answer
 * (a language, a surge). Each shows only what it takes to decide (language, urgency,
 * category, how long the member has waited, who offers it and why), never the person.
 * Whoever takes one works it as that affiliate's guest. Shown only when there is something.
 */
export function TransferIncoming() {
  const { t } = useTranslation('hotline');
  const transfers = useTransfers();
  const items = transfers.data?.incoming ?? [];
  if (!items.length && !transfers.isError) return null;
  return (
    <Panel title={t('transfers.incoming.title')} className="transfer-incoming">
      <p className="muted">{t('transfers.incoming.intro')}</p>
      {transfers.isError ? <Alert tone="error">{transfers.error.message}</Alert> : null}
      {items.length ? (
        <ul className="inbox-list transfer-list" aria-label={t('transfers.incoming.title')}>
          {items.map((x) => (
            <TransferIncomingItem key={x.id} transfer={x} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}

function TransferIncomingItem({ transfer: x }: { transfer: Transfer }) {
  const { t, i18n } = useTranslation('hotline');
  const me = useSession().user.id;
  const now = useNow();
  const navigate = useNavigate();
  const take = useTransferChange((id: string) => transfersApi.take(id));
  const lang = i18n.resolvedLanguage ?? 'en';
  const waited = secondsSince(x.waitingSince, now);
  const mine = x.takenBy?.userId === me;

  return (
    <li className={`transfer-item inbox-row inbox-row--${x.urgency}`} data-testid="transfer-incoming">
      <div className="inbox-row__top">
        <h3 className="inbox-row__name">{t('transfers.incoming.from', { org: x.fromOrg.name })}</h3>
        <p className={['inbox-row__wait', waited >= 120 ? 'inbox-row__wait--long' : ''].join(' ')}>
          {t('transfers.incoming.waiting', { time: formatDuration(waited, lang) })}
        </p>
      </div>
      <p className="inbox-row__tags">
        <UrgencyBadge urgency={x.urgency} /> <LanguageBadge lang={x.lang} /> <ChannelLabel channel={x.channel} />{' '}
        <span className="inbox-row__category">{x.category ? t(`inbox.categories.${x.category}`) : t('inbox.row.noCategory')}</span>
      </p>
      <p className="transfer-item__reason">{x.reason ? t('transfers.incoming.reason', { reason: x.reason }) : t('transfers.incoming.noReason')}</p>
      {x.status === 'taken' ? (
        <>
          <p className="inbox-row__meta">{mine ? t('transfers.incoming.takenByYou') : t('transfers.incoming.takenBy', { name: x.takenBy?.name ?? '' })}</p>
          {mine ? (
            <div className="button-row">
              <ButtonLink variant="primary" to={paths.hotlineTransfer(x.id)}>
                {t('transfers.incoming.open')}
              </ButtonLink>
            </div>
          ) : null}
        </>
      ) : (
        <div className="button-row">
          <Button
            variant="primary"
            busy={take.isPending}
            onClick={() => take.mutate(x.id, { onSuccess: (taken) => void navigate(paths.hotlineTransfer(taken.id)) })}
          >
            {t('transfers.incoming.take')}
          </Button>
        </div>
      )}
      {take.error ? <Alert tone="error">{take.error.message}</Alert> : null}
    </li>
  );
}
