import { useTranslation } from 'react-i18next';
import { ALERT_TOPICS, type AlertTopic } from '../../../../../contracts/alerts.ts';
import { Checkbox } from '../../../ui/Checkbox.tsx';
import { Fieldset } from '../../../ui/Fieldset.tsx';

/** The alert topics as checkboxes, labelled in the page's language. */
export function TopicChoices({ value, onChange, error }: { value: AlertTopic[]; onChange: (topics: AlertTopic[]) => void; error?: string }) {
  const { t } = useTranslation('alerts-public');
  const toggle = (topic: AlertTopic, on: boolean) => onChange(on ? [...value, topic] : value.filter((x) => x !== topic));
  return (
    <Fieldset legend={t('fields.topics')} hint={t('fields.topicsHint')} error={error}>
      <div className="alerts-topics">
        {ALERT_TOPICS.map((topic) => (
          <Checkbox key={topic} name="topics" value={topic} label={t(`topics.${topic}`)} checked={value.includes(topic)} onChange={(e) => toggle(topic, e.target.checked)} />
        ))}
      </div>
    </Fieldset>
  );
}
