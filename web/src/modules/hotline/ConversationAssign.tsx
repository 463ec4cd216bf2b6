import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../contracts/hotline.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { Select } from '../../ui/Select.tsx';
import { useCan, useSession } from '../auth/session.ts';
import { inboxApi, useConversationChange, useResponders } from './hotline.api.ts';

/**
 * Who works this conversation. Anyone answering may take a free one or give back their own;
 * a coordinator assigns anyone on the hotline, or nobody. The server has the last word
 * (its refusal shows here).
 */
export function ConversationAssign({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const me = useSession().user.id;
  const coordinator = useCan('hotline.coordinate');
  const assign = useConversationChange(c.id, inboxApi.assign);
  const responders = useResponders(coordinator);
  const [chosen, setChosen] = useState('');
  // The button pressed may go away with the change: focus lands on the new state instead of the page.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const change = (userId: string | null, after?: () => void) =>
    assign.mutate(
      { userId },
      {
        onSuccess: () => {
          after?.();
          statusRef.current?.focus();
        },
      },
    );
  const mine = c.assignee?.userId === me;
  const active = (responders.data?.items ?? []).filter((r) => r.active && r.userId !== c.assignee?.userId);

  return (
    <Panel title={t('inbox.assign.title')}>
      <p ref={statusRef} tabIndex={-1}>
        {c.assignee ? (mine ? t('inbox.row.assignedToYou') : t('inbox.row.assignedTo', { name: c.assignee.name })) : t('inbox.row.unassigned')}
      </p>
      <div className="button-row">
        {!mine && (coordinator || !c.assignee) ? (
          <Button variant={c.assignee ? 'secondary' : 'primary'} busy={assign.isPending && assign.variables?.userId === me} onClick={() => change(me)}>
            {t('inbox.assign.toMe')}
          </Button>
        ) : null}
        {c.assignee && (mine || coordinator) ? (
          <Button busy={assign.isPending && assign.variables?.userId === null} onClick={() => change(null)}>
            {mine ? t('inbox.assign.giveBack') : t('inbox.assign.unassign')}
          </Button>
        ) : null}
      </div>
      {coordinator ? (
        <form
          className="assign-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) change(chosen, () => setChosen(''));
          }}
        >
          <Select
            label={t('inbox.assign.toSomeone')}
            value={chosen}
            disabled={!responders.data}
            onChange={(e) => setChosen(e.target.value)}
            options={[
              { value: '', label: responders.isPending ? t('status.loading', { ns: 'common' }) : t('inbox.assign.choose') },
              ...active.map((r) => ({ value: r.userId, label: r.languages.length ? `${r.displayName} (${r.languages.join(', ')})` : r.displayName })),
            ]}
          />
          <Button type="submit" disabled={!chosen} busy={assign.isPending && Boolean(chosen) && assign.variables?.userId === chosen}>
            {t('inbox.assign.submit')}
          </Button>
        </form>
      ) : null}
      {responders.isError && coordinator ? <Alert tone="error">{responders.error.message}</Alert> : null}
      {assign.error ? <Alert tone="error">{assign.error.message}</Alert> : null}
    </Panel>
  );
}
