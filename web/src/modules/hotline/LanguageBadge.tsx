import { Badge } from '../../ui/Badge.tsx';
import { LanguageName } from '../people/LanguageName.tsx';

/** The conversation's language, written in that language (한국어, English, Español). */
export function LanguageBadge({ lang }: { lang: string }) {
  return (
    <Badge tone="accent">
      <LanguageName lang={lang} />
    </Badge>
  );
}
