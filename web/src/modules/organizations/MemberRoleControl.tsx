import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../contracts/organizations.ts';
import { Button } from '../../ui/Button.tsx';
import { Select } from '../../ui/Select.tsx';
import { sessionKey } from '../auth/session.ts';
import { orgApi, orgKeys } from './organizations.api.ts';
import { roleLabel } from './role-label.ts';

/** Pick a role, then press Change: a role change alters what someone can see, so it takes a deliberate step. */
export function MemberRoleControl({ member, roles, onChanged }: { member: Member; roles: string[]; onChanged: (m: Member) => void }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const [role, setRole] = useState(member.role);
  const change = useMutation({
    mutationFn: () => orgApi.changeRole(member.userId, role),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.members });
      void queryClient.invalidateQueries({ queryKey: sessionKey }); // it may be the user's own role
      onChanged(updated);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <form className="cell-actions" onSubmit={submit}>
      <Select
        label={t('members.roleOf', { name: member.displayName })}
        hideLabel
        value={role}
        onChange={(e) => setRole(e.target.value)}
        error={change.error?.message}
        options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
      />
      <Button type="submit" busy={change.isPending} disabled={role === member.role} aria-label={t('members.changeRoleNamed', { name: member.displayName })}>
        {t('members.changeRole')}
      </Button>
    </form>
  );
}
