import type {
  AttachMeterRequest,
  ConsumerPage,
  ConsumerView,
  CreateConsumerRequest,
  CreateServicePointRequest,
  DetachMeterRequest,
  ListConsumersRequest,
  ServicePointMeterView,
  ServicePointPage,
  ServicePointView,
  UpdateConsumerRequest,
} from '@contracts/consumers';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authedRequest } from '@/features/auth';
import { registryKeys } from './keys';
import { queryString } from './query-string';

const CONSUMERS = '/api/v1/consumers';
const SERVICE_POINTS = '/api/v1/service-points';
/** Service points of one consumer shown on its page (a consumer rarely has more). */
const POINTS_SHOWN = 100;

export function useConsumers(query: ListConsumersRequest) {
  return useQuery({
    queryKey: registryKeys.consumerList(query),
    queryFn: ({ signal }) => authedRequest<ConsumerPage>('GET', `${CONSUMERS}${queryString({ ...query })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConsumer(id: string) {
  return useQuery({
    queryKey: registryKeys.consumer(id),
    queryFn: ({ signal }) => authedRequest<ConsumerView>('GET', `${CONSUMERS}/${id}`, { signal }),
  });
}

export function useCreateConsumer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsumerRequest) => authedRequest<ConsumerView>('POST', CONSUMERS, { body }),
    meta: { errorToast: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.consumers() }),
  });
}

export function useConsumerServicePoints(consumerId: string) {
  return useQuery({
    queryKey: registryKeys.servicePoints(consumerId),
    queryFn: ({ signal }) => authedRequest<ServicePointPage>('GET', `${SERVICE_POINTS}${queryString({ consumerId, limit: POINTS_SHOWN })}`, { signal }),
  });
}

export function useServicePointMeters(servicePointId: string) {
  return useQuery({
    queryKey: registryKeys.servicePointMeters(servicePointId),
    queryFn: ({ signal }) => authedRequest<ServicePointMeterView[]>('GET', `${SERVICE_POINTS}/${servicePointId}/meters`, { signal }),
  });
}

/** Consumer and service point mutations show their errors in their form and refresh consumers, points, meters and history. */
function useConsumerMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    meta: { errorToast: false },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.consumers() });
      await queryClient.invalidateQueries({ queryKey: registryKeys.meters() });
      await queryClient.invalidateQueries({ queryKey: [...registryKeys.all, 'history'] });
    },
  });
}

export function useUpdateConsumer() {
  return useConsumerMutation(({ id, ...body }: UpdateConsumerRequest) => authedRequest<ConsumerView>('PATCH', `${CONSUMERS}/${id}`, { body }));
}

export function useCloseConsumer() {
  return useConsumerMutation((id: string) => authedRequest<ConsumerView>('POST', `${CONSUMERS}/${id}/close`, { body: {} }));
}

export function useCreateServicePoint() {
  return useConsumerMutation((body: CreateServicePointRequest) => authedRequest<ServicePointView>('POST', SERVICE_POINTS, { body }));
}

export function useCloseServicePoint() {
  return useConsumerMutation((id: string) => authedRequest<ServicePointView>('POST', `${SERVICE_POINTS}/${id}/close`, { body: {} }));
}

export function useAttachMeter() {
  return useConsumerMutation(({ id, ...body }: AttachMeterRequest) => authedRequest<ServicePointMeterView>('POST', `${SERVICE_POINTS}/${id}/meters/attach`, { body }));
}

export function useDetachMeter() {
  return useConsumerMutation(({ id, ...body }: DetachMeterRequest) => authedRequest<ServicePointMeterView>('POST', `${SERVICE_POINTS}/${id}/meters/detach`, { body }));
}
