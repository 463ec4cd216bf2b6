import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const MARKS: Record<AlertTone, string> = { info: 'ℹ', success: '✓', warning: '!', error: '⚠' };

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/**
 * A notice. Errors are announced at once (role="alert"), other tones politely
 * (role="status"). Each tone has its own mark and border, so colour is never the only cue.
 */
export function Alert({ tone = 'info', title, children, actions, className }: AlertProps) {
  return (
    <div className={['alert', `alert--${tone}`, className].filter(Boolean).join(' ')} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="alert__mark" aria-hidden="true">
        {MARKS[tone]}
      </span>
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children ? <div className="alert__text">{children}</div> : null}
        {actions ? <div className="alert__actions">{actions}</div> : null}
      </div>
    </div>
  );
}
