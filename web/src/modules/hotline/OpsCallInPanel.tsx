import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTLINE_LANG_LIST, type HotlineLang } from '../../../../contracts/hotline-shifts.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useFormat } from '../../lib/use-format.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { Fieldset } from '../../ui/Fieldset.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { adminApi } from './hotline-admin.api.ts';

/**
 * One action to call more people in: every active responder not on call now (who speaks one
 * of the languages ticked, or everyone) gets a text in their own language with the link.
 * The server texts each person at most once in ten minutes, so a second press is harmless.
 */
export function OpsCallInPanel() {
  const { t } = useTranslation('hotline');
  const fmt = useFormat();
  const [languages, setLanguages] = useState<HotlineLang[]>([]);
  const callIn = useMutation({ mutationFn: adminApi.callIn });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    callIn.mutate({ languages });
  };
  const result = callIn.data;
  return (
    <Panel title={t('ops.callIn.title')}>
      <p>{t('ops.callIn.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Fieldset legend={t('ops.callIn.languages')} hint={t('ops.callIn.languagesHint')}>
          <div className="ops-langs">
            {HOTLINE_LANG_LIST.map((lang) => (
              <Checkbox
                key={lang}
                label={<span lang={lang}>{LANGUAGE_NAMES[lang]}</span>}
                checked={languages.includes(lang)}
                onChange={(e) => {
                  callIn.reset();
                  setLanguages(e.target.checked ? HOTLINE_LANG_LIST.filter((l) => l === lang || languages.includes(l)) : languages.filter((l) => l !== lang));
                }}
              />
            ))}
          </div>
        </Fieldset>
        <div className="button-row">
          <Button type="submit" variant="primary" busy={callIn.isPending}>
            {languages.length ? t('ops.callIn.submitSome') : t('ops.callIn.submitAll')}
          </Button>
        </div>
      </form>
      <div data-testid="call-in-result">
        {result ? (
          result.texted + result.withoutPhone === 0 ? (
            <Alert tone="info">{t('ops.callIn.nobody')}</Alert>
          ) : (
            <Alert tone={result.withoutPhone ? 'warning' : 'success'} title={t('ops.callIn.sent')}>
              {t('ops.callIn.result', { texted: fmt.number(result.texted), withoutPhone: fmt.number(result.withoutPhone) })}
            </Alert>
          )
        ) : null}
        {callIn.error ? <Alert tone="error">{callIn.error.message}</Alert> : null}
      </div>
    </Panel>
  );
}
