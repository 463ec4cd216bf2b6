import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../contracts/auth.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { permissionLabel } from './role-label.ts';

export function ApiTokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (t: ApiToken) => void }) {
  const { t } = useTranslation('organizations');
  const fmt = useFormat();
  return (
    <DataTable
      caption={t('tokens.listTitle')}
      hideCaption
      rows={tokens}
      rowKey={(tok) => tok.id}
      empty={t('tokens.empty')}
      columns={[
        { key: 'name', header: t('tokens.name'), primary: true, render: (tok) => tok.name },
        {
          key: 'scopes',
          header: t('tokens.scopes'),
          render: (tok) => (
            <ul className="result-list">
              {tok.scopes.map((s) => (
                <li key={s}>{permissionLabel(t, s)}</li>
              ))}
            </ul>
          ),
        },
        { key: 'created', header: t('tokens.created'), render: (tok) => fmt.dateTime(tok.createdAt) },
        { key: 'lastUsed', header: t('tokens.lastUsed'), render: (tok) => (tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t('tokens.never')) },
        {
          key: 'status',
          header: t('tokens.status'),
          render: (tok) =>
            tok.revokedAt ? (
              <Badge tone="negative">{t('tokens.revokedOn', { date: fmt.date(tok.revokedAt) })}</Badge>
            ) : (
              <Badge tone="positive">{t('tokens.active')}</Badge>
            ),
        },
        {
          key: 'actions',
          header: t('tokens.actions'),
          render: (tok) =>
            tok.revokedAt ? null : (
              <Button variant="danger" onClick={() => onRevoke(tok)} aria-label={t('tokens.revokeNamed', { name: tok.name })}>
                {t('tokens.revoke')}
              </Button>
            ),
        },
      ]}
    />
  );
}
