import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertVersion } from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import { alertsApi, queueAlertWrite, useStoreAlert } from './alerts.api.ts';

export interface VersionFields {
  smsBody: string;
  emailSubject: string;
  emailBody: string;
}
/** saved: the server has what is on screen; unsaved: typing, a save follows; saving; error: kept on screen, retried on the next change or blur. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const SAVE_AFTER_MS = 800;

export const fieldsOf = (v: AlertVersion | undefined): VersionFields => ({
  smsBody: v?.smsBody ?? '',
  emailSubject: v?.emailSubject ?? '',
  emailBody: v?.emailBody ?? '',
});
// The server trims; compare what it would store, so a trailing space is not an endless "unsaved".
const stored = (f: VersionFields) => `${f.smsBody.trim()}\u0000${f.emailSubject.trim()}\u0000${f.emailBody.trim()}`;

/**
 * One language's texts, saved with PUT …/versions/:lang when typing pauses or the field
 * loses focus. What is on screen is the truth while the person types: an answer never
 * overwrites the text (the server trims it, the person may have typed on meanwhile). Saves
 * of one alert run in a row; a failed save keeps the text and says so.
 */
export function useVersionAutosave(alertId: string, lang: Lang, initial: AlertVersion | undefined) {
  const store = useStoreAlert();
  const [fields, setFields] = useState<VersionFields>(() => fieldsOf(initial));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const latest = useRef(fields);
  const savedKey = useRef(stored(fields));
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) return; // the running save looks again when it ends
    const snapshot = latest.current;
    if (stored(snapshot) === savedKey.current) {
      if (mounted.current) setState('saved');
      return;
    }
    running.current = true;
    if (mounted.current) setState('saving');
    try {
      const alert = await queueAlertWrite(alertId, () => alertsApi.saveVersion(alertId, lang, snapshot));
      savedKey.current = stored(snapshot);
      store(alert);
      running.current = false;
      if (!mounted.current) return;
      setError(null);
      if (stored(latest.current) !== savedKey.current) return save(); // typed on while it saved
      setState('saved');
    } catch (e) {
      running.current = false;
      if (!mounted.current) return;
      setState('error');
      setError({ message: e instanceof Error ? e.message : String(e), field: (e as { field?: string }).field });
    }
  }, [alertId, lang, store]);

  const change = useCallback(
    (patch: Partial<VersionFields>) => {
      latest.current = { ...latest.current, ...patch };
      setFields(latest.current);
      setState(stored(latest.current) === savedKey.current ? 'saved' : 'unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [save],
  );

  // Leaving the page with typing not yet saved: save it on the way out, and let the browser warn on a reload or close.
  useEffect(() => {
    mounted.current = true;
    const warn = (e: BeforeUnloadEvent) => {
      if (stored(latest.current) !== savedKey.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      mounted.current = false;
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      if (stored(latest.current) !== savedKey.current && !running.current) void save();
    };
  }, [save]);

  return { fields, change, save, state, error };
}
