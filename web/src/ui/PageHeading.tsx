import { useEffect, type ReactNode } from 'react';

export interface PageHeadingProps {
  title: string;
  description?: ReactNode;
  /** Buttons or links for the page's main actions, shown beside the title. */
  actions?: ReactNode;
  /** Appended to the browser tab title. */
  appName?: string;
}

/** The page's single h1; it also names the browser tab, which screen readers announce on navigation. */
export function PageHeading({ title, description, actions, appName = 'Haven' }: PageHeadingProps) {
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <div className="page-heading">
      <div className="page-heading__text">
        <h1 tabIndex={-1}>{title}</h1>
        {description ? <p className="page-heading__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-heading__actions">{actions}</div> : null}
    </div>
  );
}
