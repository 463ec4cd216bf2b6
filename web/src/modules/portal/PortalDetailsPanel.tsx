import { useTranslation } from 'react-i18next';
import type { PortalReferralDetail } from '../../../../contracts/legal-network.ts';
import { useFormat } from '../../lib/use-format.ts';
import { DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { languageName } from './language-name.ts';

/** What the provider may read once the conflict check is cleared: the summary, the contact, the DACA dates. */
export function PortalDetailsPanel({ r }: { r: PortalReferralDetail }) {
  const { t, i18n } = useTranslation('portal');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const fmt = useFormat();
  return (
    <Panel title={t('details.title')} className="portal-details">
      <h3 className="portal-subtitle">{t('details.summary')}</h3>
      {r.summary ? <p className="portal-summary" data-testid="portal-summary">{r.summary}</p> : <p className="muted">{t('details.noSummary')}</p>}
      <h3 className="portal-subtitle">{t('details.contact')}</h3>
      <DetailList
        items={[
          { key: 'name', term: t('details.name'), value: r.contact.name },
          { key: 'phone', term: t('details.phone'), value: r.contact.phone ? <a href={`tel:${r.contact.phone}`}>{fmt.phone(r.contact.phone)}</a> : null },
          { key: 'email', term: t('details.email'), value: r.contact.email ? <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a> : null },
          { key: 'lang', term: t('details.preferredLanguage'), value: languageName(r.contact.preferredLanguage, lang) },
        ]}
      />
      {r.daca ? (
        <>
          <h3 className="portal-subtitle">{t('details.daca')}</h3>
          <DetailList
            items={[
              { key: 'expires', term: t('details.expiresOn'), value: fmt.date(r.daca.expiresOn) },
              { key: 'approved', term: t('details.lastApprovedOn'), value: fmt.date(r.daca.lastApprovedOn) },
              { key: 'filed', term: t('details.filedOn'), value: fmt.date(r.daca.filedOn) },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}
