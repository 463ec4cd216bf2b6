import { useTranslation } from 'react-i18next';
import type { ConversationChannel } from '../../../../contracts/hotline.ts';

/** Line icons drawn inline (emoji fonts are missing on some phones); the word beside them carries the meaning. */
const PATHS: Record<ConversationChannel, string> = {
  sms: 'M4 5h16v11H9l-5 4z',
  voice: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1Z',
  web: 'M3 5h18v14H3zM3 9h18',
};

export function ChannelLabel({ channel }: { channel: ConversationChannel }) {
  const { t } = useTranslation('hotline');
  return (
    <span className="channel-label">
      <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d={PATHS[channel]} />
      </svg>
      {t(`inbox.channels.${channel}`)}
    </span>
  );
}
