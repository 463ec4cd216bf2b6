import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationDetail } from '../../../../contracts/hotline.ts';
import { paths } from '../../app/paths.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { DetailList } from '../../ui/DetailList.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useCan } from '../auth/session.ts';
import { LanguageName } from '../people/LanguageName.tsx';
import { personLabel } from '../people/person-names.ts';

/** Who this is: the person's record when the number or email matched one, and whether we may text them. */
export function ConversationPersonCard({ conversation: c }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const canOpenPerson = useCan('people.read');
  const p = c.person;

  const consent =
    c.smsConsent === 'opted_out' ? (
      <Badge tone="negative">
        <span aria-hidden="true">⚠ </span>
        {t('inbox.person.optedOut')}
      </Badge>
    ) : c.smsConsent === 'opted_in' ? (
      <Badge tone="positive">{t('inbox.person.optedIn')}</Badge>
    ) : c.contact.phone ? (
      <span>{t('inbox.person.noConsentRecord')}</span>
    ) : (
      <span>{t('inbox.person.noPhone')}</span>
    );

  return (
    <Panel title={t('inbox.person.title')} actions={p && canOpenPerson ? <Link to={paths.person(p.id)}>{t('inbox.person.openRecord')}</Link> : null}>
      {!p ? <p className="muted">{t('inbox.person.unmatched')}</p> : null}
      <DetailList
        items={[
          ...(p ? [{ key: 'name', term: t('inbox.person.name'), value: personLabel(p) }] : c.contact.name ? [{ key: 'name', term: t('inbox.person.name'), value: c.contact.name }] : []),
          {
            key: 'langs',
            term: t('inbox.person.languages'),
            value: (
              <>
                {p ? (
                  <>
                    {t('inbox.person.prefers')} <LanguageName lang={p.preferredLanguage} />
                    <br />
                  </>
                ) : null}
                {t('inbox.person.writesIn')} <LanguageName lang={c.lang} />
              </>
            ),
          },
          { key: 'phone', term: t('inbox.person.phone'), value: c.contact.phone ? <a href={`tel:${c.contact.phone}`}>{fmt.phone(c.contact.phone)}</a> : null },
          { key: 'email', term: t('inbox.person.email'), value: c.contact.email },
          ...(p?.state ? [{ key: 'state', term: t('inbox.person.state'), value: p.state }] : []),
          { key: 'sms', term: t('inbox.person.sms'), value: consent },
        ]}
      />
    </Panel>
  );
}
