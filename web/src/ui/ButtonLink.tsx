import { Link, type LinkProps } from 'react-router';
import type { ButtonVariant } from './Button.tsx';

/** A link that looks like a button: it navigates, so it stays a link for assistive tech. */
export function ButtonLink({ variant = 'secondary', className, ...rest }: LinkProps & { variant?: ButtonVariant }) {
  return <Link {...rest} className={['btn', `btn--${variant}`, className].filter(Boolean).join(' ')} />;
}
