import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

export interface PagerProps {
  /** e.g. "1–50 of 120", already formatted by the caller. */
  status: ReactNode;
  previousLabel: string;
  nextLabel: string;
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ status, previousLabel, nextLabel, label, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      <Button onClick={onPrevious} disabled={!hasPrevious}>
        <span aria-hidden="true">‹ </span>
        {previousLabel}
      </Button>
      <p className="pager__status" aria-live="polite">
        {status}
      </p>
      <Button onClick={onNext} disabled={!hasNext}>
        {nextLabel}
        <span aria-hidden="true"> ›</span>
      </Button>
    </nav>
  );
}
