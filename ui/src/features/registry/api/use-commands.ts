import type { CommandRequest } from '@contracts/commands';
import type { CommandOptions, CommandPage, CommandView } from '@contracts/metering.contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { registryKeys } from './keys';

/** Query keys of a meter's downlink commands (under the registry's, so a registry-wide refresh covers them). */
const commandKeys = {
  meter: (meterId: string) => [...registryKeys.all, 'commands', meterId] as const,
};

/** States still waiting for ChirpStack: while one is listed, the list refreshes itself. */
const OPEN_STATES = new Set(['queued', 'sent']);

/** A meter's newest commands (one page of 20), refreshed every 5 s while one is queued or sent. */
export function useMeterCommands(meterId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: commandKeys.meter(meterId),
    queryFn: ({ signal }) => authedRequest<CommandPage>('GET', `/api/v1/meters/${meterId}/commands?limit=20`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((c) => OPEN_STATES.has(c.state)) ? 5000 : false),
  });
}

/** Sends a command (`{type, ...}` and options); the error stays in the form, the list refreshes after. */
export function useSendCommand(meterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommandRequest & CommandOptions) => authedRequest<CommandView>('POST', `/api/v1/meters/${meterId}/commands`, { body }),
    meta: { errorToast: false },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: commandKeys.meter(meterId) });
    },
  });
}
