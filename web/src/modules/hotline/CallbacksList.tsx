import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { useSession } from '../auth/session.ts';
import { CallbacksItem } from './CallbacksItem.tsx';
import { type CallbackStatus, useCallbacks } from './hotline-admin.api.ts';
import { useNow } from './inbox-time.ts';

export function CallbacksList({ status }: { status: CallbackStatus }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const session = useSession();
  const list = useCallbacks(status);
  const now = useNow();
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (list.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (list.isError && !list.data) {
    return (
      <Alert tone="error" actions={<Button onClick={() => void list.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>}>
        {list.error.message}
      </Alert>
    );
  }
  const items = list.data.items;
  const Tag = status === 'open' ? 'ol' : 'ul';

  return (
    <section aria-labelledby="callbacks-heading" aria-busy={list.isFetching}>
      <h2 id="callbacks-heading" ref={headingRef} tabIndex={-1} className="visually-hidden">
        {t(`callbacks.heading.${status}`)}
      </h2>
      {list.isError ? <Alert tone="error">{list.error.message}</Alert> : null}
      <p className="inbox-count" role="status" data-testid="callbacks-count">
        {status === 'open' ? t('callbacks.count.open', { n: fmt.number(list.data.open) }) : t('callbacks.count.done', { n: fmt.number(items.length) })}
      </p>
      {items.length === 0 ? (
        <div className="inbox-empty">
          <p>{t(`callbacks.empty.${status}`)}</p>
        </div>
      ) : (
        <Tag className="callbacks-list">
          {items.map((task) => (
            // Done: the card leaves the list, so focus goes to the list's heading rather than to nowhere.
            <CallbacksItem key={task.id} task={task} now={now} meId={session.user.id} onDone={() => headingRef.current?.focus()} />
          ))}
        </Tag>
      )}
    </section>
  );
}
