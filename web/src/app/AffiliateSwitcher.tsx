import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authApi } from '../modules/auth/auth.api.ts';
import { applySession, sessionKey, useSession } from '../modules/auth/session.ts';
import { Button } from '../ui/Button.tsx';
import { Select } from '../ui/Select.tsx';
import { paths } from './paths.ts';

/**
 * Which organization the user acts in. Switching is a form with its own button rather than
 * a select that fires on change: it changes what every page shows, so it should be deliberate.
 */
export function AffiliateSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(session.currentOrgId ?? '');

  const switchOrg = useMutation({
    mutationFn: authApi.switchOrg,
    onSuccess: (next) => {
      // Everything cached belongs to the previous organization.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      applySession(queryClient, next);
      void navigate(paths.home);
    },
  });

  if (session.memberships.length <= 1) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen && chosen !== session.currentOrgId) switchOrg.mutate(chosen);
  };

  return (
    <form className="header-form" onSubmit={submit} aria-label={t('org.switcherLabel')}>
      <Select
        label={t('org.label')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        error={switchOrg.error?.message}
        options={[
          ...(session.currentOrgId ? [] : [{ value: '', label: t('org.choose'), disabled: true }]),
          ...session.memberships.map((m) => ({ value: m.orgId, label: `${m.orgName} · ${t(`roleNames.${m.role}`, { defaultValue: m.role })}` })),
        ]}
      />
      <Button type="submit" busy={switchOrg.isPending} disabled={!chosen || chosen === session.currentOrgId}>
        {t('org.switch')}
      </Button>
    </form>
  );
}
