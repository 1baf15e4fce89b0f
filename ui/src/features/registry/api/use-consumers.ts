import type { ConsumerPage, ConsumerView, CreateConsumerRequest, ListConsumersRequest, ServicePointMeterView, ServicePointPage } from '@contracts/consumers';
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
