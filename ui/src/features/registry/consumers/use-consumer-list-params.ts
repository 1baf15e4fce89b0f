import { CONSUMER_KINDS, CONSUMER_STATUSES } from '@contracts/consumers';
import type { ConsumerKind, ConsumerStatus, ListConsumersRequest } from '@contracts/consumers';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PAGE_SIZES } from '../meters/use-meter-list-params';

const DEFAULT_PAGE_SIZE = 50;

export interface ConsumerListParams {
  search: string;
  kind: ConsumerKind | '';
  status: ConsumerStatus | '';
  limit: number;
  cursor: string;
  previous: string[];
}

/** The consumer list's state in the URL (`?q=&kind=&status=&limit=&cursor=&prev=`), keyset paging like the meter list. */
export function useConsumerListParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<ConsumerListParams>(() => {
    const kind = params.get('kind') ?? '';
    const status = params.get('status') ?? '';
    const limit = Number(params.get('limit'));
    const prev = params.get('prev');
    return {
      search: params.get('q') ?? '',
      kind: (CONSUMER_KINDS as readonly string[]).includes(kind) ? (kind as ConsumerKind) : '',
      status: (CONSUMER_STATUSES as readonly string[]).includes(status) ? (status as ConsumerStatus) : '',
      limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
      cursor: params.get('cursor') ?? '',
      previous: prev === null ? [] : prev.split(','),
    };
  }, [params]);

  const write = useCallback(
    (next: ConsumerListParams, replace = false) => {
      const out = new URLSearchParams();
      if (next.search) out.set('q', next.search);
      if (next.kind) out.set('kind', next.kind);
      if (next.status) out.set('status', next.status);
      if (next.limit !== DEFAULT_PAGE_SIZE) out.set('limit', String(next.limit));
      if (next.cursor) {
        out.set('cursor', next.cursor);
        out.set('prev', next.previous.join(','));
      }
      setParams(out, { replace });
    },
    [setParams],
  );

  const setFilter = useCallback((change: Partial<Pick<ConsumerListParams, 'search' | 'kind' | 'status' | 'limit'>>, replace = false) => write({ ...state, ...change, cursor: '', previous: [] }, replace), [state, write]);
  const next = useCallback((cursor: string) => write({ ...state, cursor, previous: [...state.previous, state.cursor] }), [state, write]);
  const back = useCallback(() => write({ ...state, cursor: state.previous.at(-1) ?? '', previous: state.previous.slice(0, -1) }), [state, write]);
  const first = useCallback(() => write({ ...state, cursor: '', previous: [] }), [state, write]);

  const request: ListConsumersRequest = {
    search: state.search || undefined,
    kind: state.kind || undefined,
    status: state.status || undefined,
    cursor: state.cursor || undefined,
    limit: state.limit,
  };
  return { state, request, setFilter, next, back, first };
}
