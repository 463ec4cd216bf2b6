import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { transferKeys } from './transfers.api.ts';

/** Events come in bursts (a reply and its delivery receipts): re-read at most this often. */
const COALESCE_MS = 300;

/**
 * The conversation a responder took from another affiliate changes there, not here: this
 * feed carries that affiliate's change hints for this one conversation, and the page
 * re-reads it on each (every read is audited there, so no timer). When the transfer ends
 * the server refuses the feed; the re-read then shows that the conversation went back.
 */
export function useTransferStream(transferId: string) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/hotline/transfers/${encodeURIComponent(transferId)}/stream`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reread = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: transferKeys.guest(transferId) });
      }, COALESCE_MS);
    };
    let connected = false;
    // The first `ready` comes with the page's own first read; later ones follow a reconnect, when events may have been missed.
    source.addEventListener('ready', () => (connected ? reread() : (connected = true)));
    source.addEventListener('resync', reread);
    source.onmessage = reread;
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) reread(); // refused: most likely the transfer ended
    };
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [qc, transferId]);
}
