import { METER_STATUSES, UTILITIES } from '@contracts/devices';
import type { ListMetersRequest, MeterStatus, Utility } from '@contracts/devices';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;
/** Cursors are base64url: a comma never occurs in one, so the stack of earlier pages is one URL parameter. */
const STACK_SEPARATOR = ',';

export interface MeterListParams {
  search: string;
  utility: Utility | '';
  status: MeterStatus | '';
  nodeId: string;
  limit: number;
  cursor: string;
  /** Cursors of the pages before this one (the first page's is ''). */
  previous: string[];
}

/**
 * The meter list's state lives in the URL (`?q=&utility=&status=&node=&limit=&cursor=&prev=`), so a view can be
 * linked and reloaded. Keyset paging: `cursor` is the page shown, `prev` the stack to walk back; no count is ever asked.
 */
export function useMeterListParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<MeterListParams>(() => {
    const utility = params.get('utility') ?? '';
    const status = params.get('status') ?? '';
    const limit = Number(params.get('limit'));
    const prev = params.get('prev');
    return {
      search: params.get('q') ?? '',
      utility: (UTILITIES as readonly string[]).includes(utility) ? (utility as Utility) : '',
      status: (METER_STATUSES as readonly string[]).includes(status) ? (status as MeterStatus) : '',
      nodeId: params.get('node') ?? '',
      limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
      cursor: params.get('cursor') ?? '',
      previous: prev === null ? [] : prev.split(STACK_SEPARATOR),
    };
  }, [params]);

  const write = useCallback(
    (next: MeterListParams, replace = false) => {
      const out = new URLSearchParams();
      if (next.search) out.set('q', next.search);
      if (next.utility) out.set('utility', next.utility);
      if (next.status) out.set('status', next.status);
      if (next.nodeId) out.set('node', next.nodeId);
      if (next.limit !== DEFAULT_PAGE_SIZE) out.set('limit', String(next.limit));
      if (next.cursor) {
        out.set('cursor', next.cursor);
        out.set('prev', next.previous.join(STACK_SEPARATOR));
      }
      setParams(out, { replace });
    },
    [setParams],
  );

  /** A new search or filter starts again at the first page. */
  const setFilter = useCallback((change: Partial<Pick<MeterListParams, 'search' | 'utility' | 'status' | 'nodeId' | 'limit'>>, replace = false) => write({ ...state, ...change, cursor: '', previous: [] }, replace), [state, write]);
  const next = useCallback((cursor: string) => write({ ...state, cursor, previous: [...state.previous, state.cursor] }), [state, write]);
  const back = useCallback(() => write({ ...state, cursor: state.previous.at(-1) ?? '', previous: state.previous.slice(0, -1) }), [state, write]);
  const first = useCallback(() => write({ ...state, cursor: '', previous: [] }), [state, write]);

  const request: ListMetersRequest = {
    search: state.search || undefined,
    utility: state.utility || undefined,
    status: state.status || undefined,
    nodeId: state.nodeId || undefined,
    cursor: state.cursor || undefined,
    limit: state.limit,
  };
  return { state, request, setFilter, next, back, first };
}
