import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Alert as AlertT } from '../../../../contracts/alerts.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { alertPaths } from './alert-paths.ts';
import { alertsApi, useStoreAlert } from './alerts.api.ts';

type Kind = 'correction' | 'retraction';

/** A correction or retraction goes to exactly the people who got this alert: it opens as a new draft. */
export function FollowUpButtons({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const navigate = useNavigate();
  const store = useStoreAlert();
  const create = useMutation({
    mutationFn: (kind: Kind) => alertsApi.followUp(alert.id, { kind }),
    onSuccess: (draft) => {
      store(draft);
      void navigate(alertPaths.alert(draft.id));
    },
  });
  return (
    <div className="alert-follow-up">
      <p className="muted">{t('followUp.intro')}</p>
      <div className="button-row">
        {(['correction', 'retraction'] as const).map((kind) => (
          <Button key={kind} busy={create.isPending && create.variables === kind} disabled={create.isPending} onClick={() => create.mutate(kind)}>
            {t(`followUp.${kind}`)}
          </Button>
        ))}
      </div>
      {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
    </div>
  );
}
