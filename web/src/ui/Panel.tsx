import type { ReactNode } from 'react';

/**
 * A titled block of a page (an h2 and its content). Deliberately not a named region: a
 * page full of landmarks is noise for screen reader users, and the heading already
 * makes it navigable.
 */
export function Panel({ title, actions, className, children, headingLevel = 2 }: { title: ReactNode; actions?: ReactNode; className?: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={['panel', className].filter(Boolean).join(' ')}>
      <div className="panel__header">
        <Heading className="panel__title">{title}</Heading>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
