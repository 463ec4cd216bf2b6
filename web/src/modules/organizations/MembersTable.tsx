import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable, type Column } from '../../ui/DataTable.tsx';
import { MemberRoleControl } from './MemberRoleControl.tsx';
import { roleLabel } from './role-label.ts';

export interface MembersTableProps {
  members: Member[];
  roles: string[];
  canManage: boolean;
  currentUserId: string;
  onRoleChanged: (m: Member) => void;
  onRemove: (m: Member) => void;
  onResetMfa: (m: Member) => void;
}

export function MembersTable({ members, roles, canManage, currentUserId, onRoleChanged, onRemove, onResetMfa }: MembersTableProps) {
  const { t } = useTranslation('organizations');
  const fmt = useFormat();
  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('members.name'),
      primary: true,
      render: (m) => (
        <>
          {m.displayName}
          {m.userId === currentUserId ? <span className="muted"> ({t('members.you')})</span> : null}
          <div className="muted">{m.email}</div>
        </>
      ),
    },
    { key: 'role', header: t('members.role'), render: (m) => <Badge tone="accent">{roleLabel(t, m.role)}</Badge> },
    {
      key: 'mfa',
      header: t('members.mfa'),
      render: (m) =>
        m.mfaEnabled ? (
          <Badge tone="positive">
            <span aria-hidden="true">✓ </span>
            {t('members.mfaOn')}
          </Badge>
        ) : (
          <Badge tone="caution">
            <span aria-hidden="true">✕ </span>
            {t('members.mfaOff')}
          </Badge>
        ),
    },
    { key: 'joined', header: t('members.joined'), render: (m) => fmt.date(m.joinedAt) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('members.actions'),
      render: (m) => (
        <div className="cell-actions">
          <MemberRoleControl member={m} roles={roles} onChanged={onRoleChanged} />
          {m.mfaEnabled && m.userId !== currentUserId ? (
            <Button onClick={() => onResetMfa(m)} aria-label={t('members.resetMfaNamed', { name: m.displayName })}>
              {t('members.resetMfa')}
            </Button>
          ) : null}
          <Button variant="danger" onClick={() => onRemove(m)} aria-label={t('members.removeNamed', { name: m.displayName })}>
            {t('members.remove')}
          </Button>
        </div>
      ),
    });
  }
  return <DataTable caption={t('members.listTitle')} hideCaption columns={columns} rows={members} rowKey={(m) => m.userId} empty={t('members.empty')} />;
}
