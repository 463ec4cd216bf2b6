import { useMutation } from '@tanstack/react-query';
import type { HelpRequestInput, HelpRequestResult } from '../../../../contracts/hotline.ts';
import { api } from '../../lib/api.ts';

/**
 * The public help form's one request. No session: the server takes it from anyone, and
 * answers field errors in the page's language (api() sends X-Haven-Lang).
 */
export const useHelpRequest = () =>
  useMutation({ mutationFn: (input: HelpRequestInput) => api<HelpRequestResult>('/p/help', { method: 'POST', body: input }) });
