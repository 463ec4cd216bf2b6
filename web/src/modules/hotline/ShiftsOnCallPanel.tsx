import { useTranslation } from 'react-i18next';
import { HOTLINE_LANG_LIST } from '../../../../contracts/hotline-shifts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ShiftsRoleBadge } from './ShiftsRoleBadge.tsx';
import { useOnCallNow } from './shifts.api.ts';

/**
 * Who answers right now, language by language. A language nobody answers in (primary or
 * backup) is called out in words, not only in colour: that is the coordinator's cue to
 * call someone in.
 */
export function ShiftsOnCallPanel() {
  const { t } = useTranslation('hotline');
  const onCall = useOnCallNow();
  const data = onCall.data;
  const names = (lang: string) => LANGUAGE_NAMES[lang as keyof typeof LANGUAGE_NAMES];
  return (
    <Panel title={t('shifts.onCall.title')}>
      {onCall.isPending ? <Loading label={t('status.loading', { ns: 'common' })} /> : null}
      {onCall.error ? <Alert tone="error">{onCall.error.message}</Alert> : null}
      {data ? (
        <>
          {data.gaps.length ? (
            <Alert tone="warning" title={t('shifts.onCall.gapTitle')}>
              {t('shifts.onCall.gapText', { languages: data.gaps.map(names).join(', ') })}
            </Alert>
          ) : (
            <Alert tone="success">{t('shifts.onCall.covered')}</Alert>
          )}
          <dl className="shifts-oncall">
            {HOTLINE_LANG_LIST.map((lang) => {
              const people = data.responders.filter((r) => r.languages.includes(lang));
              const gap = data.gaps.includes(lang);
              return (
                <div key={lang} className={['shifts-oncall__lang', gap ? 'shifts-oncall__lang--gap' : ''].filter(Boolean).join(' ')}>
                  <dt>
                    <span lang={lang}>{names(lang)}</span>
                    {gap ? (
                      <>
                        {' '}
                        <Badge tone="negative">{data.uncovered.includes(lang) ? t('shifts.onCall.nobody') : t('shifts.onCall.coordinatorOnly')}</Badge>
                      </>
                    ) : null}
                  </dt>
                  {people.map((p) => (
                    <dd key={p.userId}>
                      {p.displayName} <ShiftsRoleBadge role={p.role} />
                    </dd>
                  ))}
                  {people.length === 0 ? <dd className="shifts-muted">{t('shifts.onCall.none')}</dd> : null}
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
    </Panel>
  );
}
