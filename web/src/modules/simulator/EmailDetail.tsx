import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useEmail } from './simulator.api.ts';

/**
 * One email: its text, its HTML and its headers. The HTML renders in an iframe with an
 * empty sandbox: no scripts, no forms, no same-origin access, whatever the mail contains.
 */
export function EmailDetail({ id }: { id: string }) {
  const { t } = useTranslation('simulator');
  const email = useEmail(id);
  if (email.isPending) return <Loading label={t('status.loading', { ns: 'common' })} />;
  if (email.error) return <Alert tone="error">{email.error.message}</Alert>;
  const e = email.data;
  return (
    <Panel title={e.subject} headingLevel={3} className="sim-email">
      <h4>{t('email.text')}</h4>
      <pre className="sim-email__text">{e.text}</pre>
      {e.html ? (
        <>
          <h4>{t('email.html')}</h4>
          <iframe className="sim-email__html" title={t('email.htmlFrame', { subject: e.subject })} sandbox="" srcDoc={e.html} />
        </>
      ) : null}
      <h4>{t('email.headers')}</h4>
      <dl className="details">
        {Object.entries(e.headers).map(([k, v]) => (
          <div key={k} className="details__row">
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
        {Object.keys(e.headers).length === 0 ? <p className="muted">{t('email.noHeaders')}</p> : null}
      </dl>
    </Panel>
  );
}
