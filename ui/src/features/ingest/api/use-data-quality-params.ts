import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PERIODS = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All time' } as const;
export type PeriodKey = keyof typeof PERIODS;
const PERIOD_MS: Record<PeriodKey, number | null> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, all: null };
const DEFAULT_PERIOD: PeriodKey = '7d';
export const PAGE_SIZE = 50;
/** Cursors are base64url: a comma never occurs in one, so the stack of earlier pages is one URL parameter. */
const STACK_SEPARATOR = ',';

export interface DataQualityParams {
  code: string;
  devEui: string;
  period: PeriodKey;
  cursor: string;
  previous: string[];
  /** The unassigned device whose uplinks are shown ('' for every device). */
  device: string;
}

/**
 * The page's state lives in the URL (`?code=&dev=&period=&cursor=&prev=&device=`), so a view can be linked and
 * reloaded. Keyset paging: `cursor` is the page shown, `prev` the stack to walk back.
 */
export function useDataQualityParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<DataQualityParams>(() => {
    const period = params.get('period') ?? '';
    const prev = params.get('prev');
    return {
      code: params.get('code') ?? '',
      devEui: params.get('dev') ?? '',
      period: period in PERIODS ? (period as PeriodKey) : DEFAULT_PERIOD,
      cursor: params.get('cursor') ?? '',
      previous: prev === null ? [] : prev.split(STACK_SEPARATOR),
      device: params.get('device') ?? '',
    };
  }, [params]);

  // The start of the period, fixed when the period is chosen (a moving `from` would refetch on every render).
  const from = useMemo(() => {
    const span = PERIOD_MS[state.period];
    return span === null ? undefined : new Date(Math.floor((Date.now() - span) / 60_000) * 60_000).toISOString();
  }, [state.period]);

  const write = useCallback(
    (next: DataQualityParams) => {
      const out = new URLSearchParams();
      if (next.code) out.set('code', next.code);
      if (next.devEui) out.set('dev', next.devEui);
      if (next.period !== DEFAULT_PERIOD) out.set('period', next.period);
      if (next.cursor) {
        out.set('cursor', next.cursor);
        out.set('prev', next.previous.join(STACK_SEPARATOR));
      }
      if (next.device) out.set('device', next.device);
      setParams(out);
    },
    [setParams],
  );

  /** A new filter starts the dead letters again at the first page. */
  const setFilter = useCallback((change: Partial<Pick<DataQualityParams, 'code' | 'devEui' | 'period'>>) => write({ ...state, ...change, cursor: '', previous: [] }), [state, write]);
  const next = useCallback((cursor: string) => write({ ...state, cursor, previous: [...state.previous, state.cursor] }), [state, write]);
  const back = useCallback(() => write({ ...state, cursor: state.previous.at(-1) ?? '', previous: state.previous.slice(0, -1) }), [state, write]);
  const selectDevice = useCallback((device: string) => write({ ...state, device }), [state, write]);

  return { state, from, setFilter, next, back, selectDevice };
}
