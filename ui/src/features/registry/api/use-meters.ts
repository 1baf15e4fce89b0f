import type {
  CreateMeterRequest,
  InstallMeterRequest,
  ListMetersRequest,
  MeterPage,
  MeterView,
  RemoveMeterRequest,
  ReplaceMeterRequest,
  ReplacedMeters,
  UpdateMeterRequest,
} from '@contracts/devices';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { registryKeys } from './keys';
import { queryString } from './query-string';

const METERS = '/api/v1/meters';

/** One keyset page of meters; the previous page stays on screen while the next one loads. */
export function useMeters(query: ListMetersRequest, enabled = true) {
  return useQuery({
    queryKey: registryKeys.meterList(query),
    queryFn: ({ signal }) => authedRequest<MeterPage>('GET', `${METERS}${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeter(id: string, enabled = true) {
  return useQuery({
    queryKey: registryKeys.meter(id),
    queryFn: ({ signal }) => authedRequest<MeterView>('GET', `${METERS}/${id}`, { signal }),
    enabled,
  });
}

/** Meter mutations show their errors in their form and refresh meters and history afterwards. */
function useMeterMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { errorToast: false },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.meters() });
      await queryClient.invalidateQueries({ queryKey: [...registryKeys.all, 'history'] });
    },
  });
}

export function useCreateMeter() {
  return useMeterMutation((body: CreateMeterRequest) => authedRequest<MeterView>('POST', METERS, { body }));
}

export function useInstallMeter() {
  return useMeterMutation(({ id, ...body }: InstallMeterRequest) => authedRequest<MeterView>('POST', `${METERS}/${id}/install`, { body }));
}

export function useRemoveMeter() {
  return useMeterMutation(({ id, ...body }: RemoveMeterRequest) => authedRequest<MeterView>('POST', `${METERS}/${id}/remove`, { body }));
}

export function useReplaceMeter() {
  return useMeterMutation(({ id, ...body }: ReplaceMeterRequest) => authedRequest<ReplacedMeters>('POST', `${METERS}/${id}/replace`, { body }));
}

export function useArchiveMeter() {
  return useMeterMutation((id: string) => authedRequest<MeterView>('POST', `${METERS}/${id}/archive`, { body: {} }));
}

export function useUpdateMeter() {
  return useMeterMutation(({ id, ...body }: UpdateMeterRequest) => authedRequest<MeterView>('PATCH', `${METERS}/${id}`, { body }));
}

/** Asks the platform to create (again) the meter's LoRaWAN device in ChirpStack; the outcome is in `provisioning`. */
export function useProvisionMeter() {
  return useMeterMutation((id: string) => authedRequest<MeterView>('POST', `${METERS}/${id}/provision`, { body: {} }));
}
