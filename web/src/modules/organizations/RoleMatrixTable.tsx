import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleMatrix } from '../../../../contracts/organizations.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { sessionKey } from '../auth/session.ts';
import { orgApi, orgKeys } from './organizations.api.ts';
import { permissionLabel, roleLabel } from './role-label.ts';

type Grants = Record<string, string[]>;
const same = (a: string[] = [], b: string[] = []) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Actions down, roles across; one checkbox per pair. Each role column is saved on its own
 * (PUT per role), so a mistake in one role never rewrites the others. On phones the table
 * scrolls sideways inside its box, with the action names kept in view.
 */
export function RoleMatrixTable({ matrix, editable }: { matrix: RoleMatrix; editable: boolean }) {
  const { t } = useTranslation('organizations');
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Grants>(matrix.grants);
  const [saved, setSaved] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (role: string) => orgApi.setRoleActions(role, draft[role] ?? []),
    onSuccess: (next, role) => {
      queryClient.setQueryData(orgKeys.roles, next);
      // Keep unsaved edits of other roles; take the server's word for the saved one.
      setDraft((d) => ({ ...d, [role]: next.grants[role] ?? [] }));
      setSaved(role);
      void queryClient.invalidateQueries({ queryKey: sessionKey }); // the user's own permissions may have changed
    },
    onMutate: () => setSaved(null),
  });

  const toggle = (role: string, action: string, on: boolean) =>
    setDraft((d) => {
      const current = new Set(d[role] ?? []);
      if (on) current.add(action);
      else current.delete(action);
      return { ...d, [role]: [...current] };
    });

  return (
    <>
      {save.error ? <Alert tone="error">{save.error.message}</Alert> : null}
      {saved ? <Alert tone="success">{t('roles.saved', { role: roleLabel(t, saved) })}</Alert> : null}
      <div className="matrix-wrap" role="region" aria-label={t('roles.tableLabel')} tabIndex={0}>
        <table className="matrix">
          <caption className="visually-hidden">{t('roles.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roles.action')}</th>
              {matrix.roles.map((role) => (
                <th scope="col" key={role}>
                  {roleLabel(t, role)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.actions.map(({ action, description, sensitive }) => (
              <tr key={action}>
                <th scope="row">
                  {permissionLabel(t, action, description)}
                  {sensitive ? (
                    <>
                      {' '}
                      <Badge tone="caution">{t('roles.sensitive')}</Badge>
                    </>
                  ) : null}
                  <span className="action-code">{action}</span>
                </th>
                {matrix.roles.map((role) => (
                  <td key={role}>
                    <input
                      type="checkbox"
                      checked={(draft[role] ?? []).includes(action)}
                      disabled={!editable}
                      onChange={(e) => toggle(role, action, e.target.checked)}
                      aria-label={t('roles.cellLabel', { role: roleLabel(t, role), action: permissionLabel(t, action, description) })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {editable ? (
            <tfoot>
              <tr>
                <th scope="row">{t('roles.saveRow')}</th>
                {matrix.roles.map((role) => {
                  const dirty = !same(draft[role], matrix.grants[role]);
                  return (
                    <td key={role}>
                      <Button
                        variant={dirty ? 'primary' : 'secondary'}
                        disabled={!dirty}
                        busy={save.isPending && save.variables === role}
                        onClick={() => save.mutate(role)}
                        aria-label={t('roles.saveRole', { role: roleLabel(t, role) })}
                      >
                        {t('actions.save', { ns: 'common' })}
                      </Button>
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </>
  );
}
