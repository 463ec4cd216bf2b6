import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_TOPICS, type Alert as AlertT, type Audience } from '../../../../contracts/alerts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { splitError } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/session.ts';
import { ALERT_LANGS } from './alert-options.ts';
import { alertsApi, useAlertChange } from './alerts.api.ts';
import { AudienceAffiliates } from './AudienceAffiliates.tsx';
import { AudienceListField } from './AudienceListField.tsx';
import { AudiencePreview } from './AudiencePreview.tsx';
import { formatList, parseList, sameAudience, toggle, type ListKind } from './audience-fields.ts';
import { ChannelsField } from './ChannelsField.tsx';
import { useDebounced } from './use-debounced.ts';

const LISTS: ListKind[] = ['states', 'zips', 'counties', 'tags'];
const FIELDS = ['audience', 'audience.orgIds', 'audience.states', 'audience.zips', 'audience.counties', 'audience.langs', 'audience.topics', 'audience.tags', 'audience.channels'] as const;

/**
 * Who a draft goes to. Every filter narrows; an empty filter means everyone. The count and
 * cost beside it follow the form as it changes (the preview asks with the audience being
 * edited), and the audience is saved when the changes pause.
 */
export function AudiencePanel({ alert }: { alert: AlertT }) {
  const { t } = useTranslation('alerts');
  const session = useSession();
  const isNetwork = session.memberships.find((m) => m.orgId === session.currentOrgId)?.orgKind === 'network';
  const [audience, setAudience] = useState<Audience>(alert.audience);
  const [texts, setTexts] = useState<Record<ListKind, string>>(() => Object.fromEntries(LISTS.map((k) => [k, formatList(alert.audience[k])])) as Record<ListKind, string>);
  const save = useAlertChange(alert.id, (a: Audience, expectedVersion) => alertsApi.update(alert.id, { audience: a, expectedVersion }));
  const errors = splitError(save.error, FIELDS);

  const settled = useDebounced(audience, 800);
  useEffect(() => {
    if (!sameAudience(settled, alert.audience)) save.mutate(settled);
    // Only a pause in editing saves; a fresh alert from the server must not re-send the same audience.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  const set = (patch: Partial<Audience>) => setAudience((a) => ({ ...a, ...patch }));
  const setList = (kind: ListKind, text: string) => {
    setTexts((x) => ({ ...x, [kind]: text }));
    set({ [kind]: parseList(text, kind).values });
  };
  const fieldError = (k: string) => errors.fields[`audience.${k}`];
  const dirty = !sameAudience(audience, alert.audience);

  return (
    <Panel title={t('audience.title')} className="alert-audience">
      <div className="alert-audience__layout">
        <div className="alert-audience__form">
          <p className="muted" role="status" data-testid="audience-save-state">
            {save.isPending || dirty ? t('save.unsaved') : save.isError ? '' : t('save.saved')}
          </p>
          {errors.form || errors.fields.audience ? <Alert tone="error">{errors.form ?? errors.fields.audience}</Alert> : null}
          {isNetwork ? <AudienceAffiliates value={audience.orgIds} onChange={(orgIds) => set({ orgIds })} error={fieldError('orgIds')} /> : null}
          {LISTS.map((kind) => (
            <AudienceListField key={kind} kind={kind} text={texts[kind]} onChange={(v) => setList(kind, v)} error={fieldError(kind)} />
          ))}
          <Fieldset legend={t('audience.langs')} hint={t('audience.langsHint')} error={fieldError('langs')}>
            <div className="checkbox-list checkbox-list--columns">
              {ALERT_LANGS.map((l) => (
                <Checkbox key={l} label={<span lang={l}>{LANGUAGE_NAMES[l]}</span>} checked={audience.langs.includes(l)} onChange={(e) => set({ langs: toggle(audience.langs, l, e.target.checked, ALERT_LANGS) })} />
              ))}
            </div>
          </Fieldset>
          <Fieldset legend={t('audience.topics')} hint={t('audience.topicsHint')} error={fieldError('topics')}>
            <div className="checkbox-list checkbox-list--columns">
              {ALERT_TOPICS.map((v) => (
                <Checkbox key={v} label={t(`topics.${v}`)} checked={audience.topics.includes(v)} onChange={(e) => set({ topics: toggle(audience.topics, v, e.target.checked, ALERT_TOPICS) })} />
              ))}
            </div>
          </Fieldset>
          <ChannelsField value={audience.channels} onChange={(channels) => set({ channels })} error={fieldError('channels')} />
          <Checkbox
            label={t('audience.alsoSourceLang', { lang: LANGUAGE_NAMES[alert.sourceLang] })}
            hint={t('audience.alsoSourceLangHint')}
            checked={audience.alsoSourceLang}
            onChange={(e) => set({ alsoSourceLang: e.target.checked })}
          />
        </div>
        <AudiencePreview alert={alert} audience={audience} />
      </div>
    </Panel>
  );
}
