import type { JsonValue } from '../../types';
import type { ClusterDecoder } from './zcl';
import { readerAt } from './zcl';

/**
 * Input/output clusters: Binary Input (0x000F: present value, count, polarity, edge selection,
 * debounce, poll period, force notify), On/Off (0x0006, relay state) and Multi Binary Inputs
 * (0x8005, a 16-bit bitmap of input states). Sources: support.watteco.com/cluster-binary-input,
 * /onoff-cluster, /multi-binary-inputs-cluster; names from vendor/watteco/*.js.
 */
const EDGE_SELECTION: Readonly<Record<number, string>> = {
  0: 'none',
  1: 'falling edge',
  2: 'rising edge',
  3: 'both edges',
  5: 'polling and falling edge',
  6: 'polling and rising edge',
  7: 'polling and both edges',
};

const noneAlarm = (start: number, divider = 1) => ({ start, divider, kind: 'none' as const, fieldIndexed: false });

export const binaryInputCluster: ClusterDecoder = (ctx) => {
  const r = readerAt(ctx.bytes, ctx.value);
  const h = ctx.value;
  switch (ctx.attribute) {
    case 0x0402:
      return { fields: [['index', r.u32be('count')]], alarm: noneAlarm(h + 4) };
    case 0x0055:
      return { fields: [['pin_state', r.u8('present value') !== 0]], alarm: noneAlarm(h + 1) };
    case 0x0054: {
      const v = r.u8('polarity');
      return v === 0 || v === 1 ? { fields: [['polarity', v === 0 ? 'normal' : 'reverse']] } : undefined;
    }
    case 0x0400: {
      const edge = EDGE_SELECTION[r.u8('edge selection')];
      return edge === undefined ? undefined : { fields: [['edge_selection', edge]] };
    }
    case 0x0401:
      return { fields: [['debounce_period', r.u8('debounce period')]] };
    case 0x0403:
      return { fields: [['poll_period', r.u8('poll period')]] };
    case 0x0404:
      return { fields: [['force_notify', r.u8('force notify')]] };
    default:
      return undefined;
  }
};

export const onOffCluster: ClusterDecoder = (ctx) => {
  if (ctx.attribute !== 0x0000) return undefined;
  return { fields: [['output', readerAt(ctx.bytes, ctx.value).u8('relay state') === 1 ? 'ON' : 'OFF']] };
};

export const multiBinaryInputCluster: ClusterDecoder = (ctx) => {
  if (ctx.attribute !== 0x0000) return undefined;
  const r = readerAt(ctx.bytes, ctx.value);
  const high = r.u8('input states high');
  const low = r.u8('input states low');
  const fields: Array<[string, JsonValue]> = [];
  for (let i = 0; i < 8; i++) fields.push([`pin_state_${i + 1}`, (low & (1 << i)) !== 0]);
  fields.push(['pin_state_9', (high & 1) !== 0], ['pin_state_10', (high & 2) !== 0]);
  return { fields, alarm: noneAlarm(ctx.value + 2, 100) };
};
