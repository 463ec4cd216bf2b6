import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCan, useSession } from '../auth/session.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { MembersTable } from './MembersTable.tsx';
import { RemoveMemberDialog } from './RemoveMemberDialog.tsx';
import { ResetMfaDialog } from './ResetMfaDialog.tsx';
import { useMembers, useRoleMatrix } from './organizations.api.ts';

export function MembersPage() {
  const { t } = useTranslation('organizations');
  const session = useSession();
  const canManage = useCan('members.manage');
  const members = useMembers();
  const matrix = useRoleMatrix();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [resetting, setResetting] = useState<Member | null>(null);
  const orgName = session.memberships.find((m) => m.orgId === session.currentOrgId)?.orgName ?? '';
  const roles = matrix.data?.roles ?? [];

  return (
    <>
      <PageHeading title={t('members.title')} description={t('members.intro', { org: orgName })} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {canManage && roles.length > 0 ? (
        <Panel title={t('members.addTitle')}>
          <AddMemberForm roles={roles} onAdded={(m) => setNotice(t('members.added', { name: m.displayName }))} />
        </Panel>
      ) : null}
      <Panel title={t('members.listTitle')}>
        {members.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
        {members.error ? <Alert tone="error">{members.error.message}</Alert> : null}
        {matrix.error ? <Alert tone="error">{matrix.error.message}</Alert> : null}
        {members.data ? (
          <MembersTable
            members={members.data.items}
            roles={roles}
            canManage={canManage}
            currentUserId={session.user.id}
            onRoleChanged={(m) => setNotice(t('members.roleChanged', { name: m.displayName }))}
            onRemove={setRemoving}
            onResetMfa={setResetting}
          />
        ) : null}
      </Panel>
      {canManage ? (
        <RemoveMemberDialog
          member={removing}
          orgName={orgName}
          onClose={() => setRemoving(null)}
          onRemoved={(m) => {
            setRemoving(null);
            setNotice(t('members.removed', { name: m.displayName }));
          }}
        />
      ) : null}
      {canManage ? (
        <ResetMfaDialog
          member={resetting}
          onClose={() => setResetting(null)}
          onReset={(m) => {
            setResetting(null);
            setNotice(t('members.mfaWasReset', { name: m.displayName }));
          }}
        />
      ) : null}
    </>
  );
}
