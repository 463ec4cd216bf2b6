import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messagingApi } from './messaging.api.ts';

/** Waits until typing pauses: one request per pause, not one per keystroke. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/**
 * The server's estimate of a text (Twilio's own segment calculator runs there, and the
 * price table lives there). A read, though sent as POST: the body can be long.
 */
export function useEstimate(body: string, recipients: number) {
  const b = useDebounced(body, 250);
  const r = useDebounced(recipients, 250);
  return useQuery({
    queryKey: ['messaging', 'estimate', b, r] as const,
    queryFn: () => messagingApi.estimate({ body: b, recipients: r }),
    enabled: b.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
