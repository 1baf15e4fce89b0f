import type { CreateGatewayRequest, CreatePulseModuleRequest, GatewayView, PulseModuleView } from '@contracts/devices';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { registryKeys } from './keys';

const GATEWAYS = '/api/v1/gateways';
const PULSE_MODULES = '/api/v1/pulse-modules';

export function useGateways() {
  return useQuery({
    queryKey: registryKeys.gateways(),
    queryFn: ({ signal }) => authedRequest<GatewayView[]>('GET', GATEWAYS, { signal }),
  });
}

export function useGateway(id: string) {
  return useQuery({
    queryKey: registryKeys.gateway(id),
    queryFn: ({ signal }) => authedRequest<GatewayView>('GET', `${GATEWAYS}/${id}`, { signal }),
  });
}

export function useCreateGateway() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGatewayRequest) => authedRequest<GatewayView>('POST', GATEWAYS, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.gateways() }),
  });
}

export function usePulseModules() {
  return useQuery({
    queryKey: registryKeys.pulseModules(),
    queryFn: ({ signal }) => authedRequest<PulseModuleView[]>('GET', PULSE_MODULES, { signal }),
  });
}

export function useCreatePulseModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePulseModuleRequest) => authedRequest<PulseModuleView>('POST', PULSE_MODULES, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.pulseModules() }),
  });
}
