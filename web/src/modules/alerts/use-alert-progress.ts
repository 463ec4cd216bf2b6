import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AlertProgress, AlertStatus } from '../../../../contracts/alerts.ts';
import { alertKeys, alertStreamUrl, alertsApi } from './alerts.api.ts';

/**
 * live: the server pushes every change; polling: the stream is down and we ask every few
 * seconds; final: the send is over (sent or canceled), the figures only change with late
 * delivery receipts, so they are re-read now and then instead of streamed.
 */
export type ProgressFeed = 'connecting' | 'live' | 'polling' | 'final';

const POLL_MS = 3000;
/** After the stream fails, try it again this long later (polling meanwhile). */
const STREAM_RETRY_MS = 30_000;

/** The stream's `progress` event carries an AlertProgress; anything else is ignored. */
export function parseProgressEvent(raw: string, alertId: string): AlertProgress | null {
  try {
    const data = JSON.parse(raw) as Partial<AlertProgress> & { data?: Partial<AlertProgress> };
    // Accept the bare object and an envelope { topic, data } alike.
    const p = data && typeof data === 'object' && 'counts' in data ? data : data?.data;
    if (!p || p.alertId !== alertId || typeof p.counts?.total !== 'number') return null;
    return p as AlertProgress;
  } catch {
    return null;
  }
}

/**
 * Live figures of a send: GET …/stream (Server-Sent Events) puts each `progress` event into
 * the query cache; when the stream cannot be opened or is refused, …/progress is polled until
 * a new try of the stream works. When the status in the figures moves on (sending → sent),
 * the alert itself is re-read so its buttons follow.
 */
export function useAlertProgress(alertId: string, alertStatus: AlertStatus) {
  const qc = useQueryClient();
  const active = alertStatus === 'sending' || alertStatus === 'paused' || alertStatus === 'scheduled';
  const [feed, setFeed] = useState<ProgressFeed>(active ? 'connecting' : 'final');

  useEffect(() => {
    // The server ends the stream of a finished alert after one last event; the browser would reconnect every few seconds for ever.
    if (!active) {
      setFeed('final');
      return;
    }
    setFeed('connecting');
    if (typeof EventSource === 'undefined') {
      setFeed('polling');
      return;
    }
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const open = () => {
      es = new EventSource(alertStreamUrl(alertId));
      const take = (e: MessageEvent<string>) => {
        const p = parseProgressEvent(e.data, alertId);
        if (!p) return;
        qc.setQueryData(alertKeys.progress(alertId), p);
        if (p.status === 'sent' || p.status === 'canceled') {
          closed = true;
          es?.close();
          setFeed('final');
        } else setFeed('live');
      };
      es.addEventListener('progress', take as EventListener);
      es.onmessage = take;
      es.onopen = () => setFeed('live');
      es.onerror = () => {
        if (closed) return;
        if (!es || es.readyState !== EventSource.CLOSED) {
          setFeed('polling'); // the browser reconnects by itself; poll until it does
          return;
        }
        es.close();
        es = null;
        setFeed('polling');
        if (!closed) retry = setTimeout(open, STREAM_RETRY_MS);
      };
    };
    open();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      es?.close();
    };
  }, [alertId, qc, active]);

  const query = useQuery({
    queryKey: alertKeys.progress(alertId),
    queryFn: ({ signal }) => alertsApi.progress(alertId, signal),
    // Live: the stream keeps it fresh. Otherwise poll while the send runs, and now and then after (late delivery receipts).
    refetchInterval: feed === 'live' ? false : feed === 'final' ? 5 * POLL_MS : POLL_MS,
  });

  const progressStatus = query.data?.status;
  useEffect(() => {
    if (progressStatus && progressStatus !== alertStatus) void qc.invalidateQueries({ queryKey: alertKeys.detail(alertId) });
  }, [progressStatus, alertStatus, alertId, qc]);

  return { ...query, feed };
}
