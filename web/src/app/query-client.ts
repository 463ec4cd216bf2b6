import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.ts';
import { sessionKey } from '../modules/auth/session.ts';

export function createQueryClient() {
  // A 401 from any call means the session ended (expired, signed out elsewhere) or needs
  // its second factor again: re-read the session and let the guard send the user on.
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (isApiError(error) && error.status === 401 && queryKey?.[0] !== sessionKey[0]) {
      void client.invalidateQueries({ queryKey: sessionKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not fix themselves by asking again; network trouble might.
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
