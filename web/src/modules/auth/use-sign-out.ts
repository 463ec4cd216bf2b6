import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api.ts';
import { authApi } from './auth.api.ts';
import { applySession, markSignedOut, sessionKey } from './session.ts';

export type SignOutScope = 'this-device' | 'everywhere';

/**
 * Ends the session (or all of them) and forgets everything cached for this user. No
 * navigation here: clearing the session makes the page's guard send the user to sign-in,
 * and markSignedOut tells it to say why.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const finish = (scope: SignOutScope) => {
    markSignedOut(scope === 'everywhere' ? 'signed-out-everywhere' : 'signed-out');
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    applySession(queryClient, null);
  };
  return useMutation({
    mutationFn: (scope: SignOutScope) => (scope === 'everywhere' ? authApi.signOutEverywhere() : authApi.signOut()),
    onSuccess: (_ok, scope) => finish(scope),
    onError: (error, scope) => {
      // Already signed out (expired session): the outcome the user wanted.
      if (isApiError(error) && error.status === 401) finish(scope);
    },
  });
}
