import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AlertChannel, AlertTopic } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { splitError, useFocusFirstInvalid } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { newRequestId } from '../hotline/new-request-id.ts';
import { alertPaths } from './alert-paths.ts';
import { langOptions, topicOptions } from './alert-options.ts';
import { alertsApi, useStoreAlert } from './alerts.api.ts';
import { ChannelsField } from './ChannelsField.tsx';
import { EmergencyField } from './EmergencyField.tsx';
import './alerts.css';

const FIELDS = ['title', 'topic', 'sourceLang', 'emergency', 'audience.channels', 'channels'] as const;

/**
 * The first step of an alert: what it is about and in which language it is written. The
 * texts, translations and audience follow on the alert's own page, where each is saved as
 * it is typed.
 */
export function NewAlertPage() {
  const { t } = useTranslation('alerts');
  const navigate = useNavigate();
  const store = useStoreAlert();
  const formRef = useRef<HTMLFormElement>(null);
  // One id per form: a double click, or a retry after a lost answer, makes one alert.
  const [requestId] = useState(newRequestId);
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState<AlertTopic>('general');
  const [sourceLang, setSourceLang] = useState<Lang>(currentLanguage());
  const [emergency, setEmergency] = useState(false);
  const [channels, setChannels] = useState<AlertChannel[]>(['sms']);

  const create = useMutation({
    mutationFn: () => alertsApi.create({ title: title.trim(), topic, sourceLang, emergency, audience: { channels }, requestId }),
    onSuccess: (a) => {
      store(a);
      void navigate(alertPaths.alert(a.id), { replace: true });
    },
  });
  const errors = splitError(create.error, FIELDS);
  useFocusFirstInvalid(formRef, create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!create.isPending) create.mutate();
  };

  return (
    <>
      <p className="alerts-back">
        <Link to={alertPaths.list}>
          <span aria-hidden="true">← </span>
          {t('detail.back')}
        </Link>
      </p>
      <PageHeading title={t('new.title')} description={t('new.intro')} />
      <form ref={formRef} onSubmit={submit} noValidate className="panel form" aria-label={t('new.title')}>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <TextField
          label={t('fields.title')}
          hint={t('fields.titleHint')}
          requiredText={t('required', { ns: 'common' })}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.fields.title}
          autoComplete="off"
        />
        <Select label={t('fields.topic')} value={topic} onChange={(e) => setTopic(e.target.value as AlertTopic)} options={topicOptions(t)} error={errors.fields.topic} />
        <Select
          label={t('fields.sourceLang')}
          hint={t('fields.sourceLangHint')}
          value={sourceLang}
          onChange={(e) => setSourceLang(e.target.value as Lang)}
          options={langOptions()}
          error={errors.fields.sourceLang}
        />
        <ChannelsField value={channels} onChange={setChannels} error={errors.fields['audience.channels'] ?? errors.fields.channels} />
        <EmergencyField checked={emergency} onChange={setEmergency} error={errors.fields.emergency} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={create.isPending} data-testid="create-alert">
            {t('new.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
