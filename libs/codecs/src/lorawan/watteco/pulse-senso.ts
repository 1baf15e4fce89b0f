import { CodecError } from '../../errors';
import type { DownlinkCommand, EncodedDownlink, JsonValue } from '../../types';
import type { CanonicalPart } from './codec';
import { wattecoCodec } from './codec';
import { basicCluster, configurationCluster, lorawanCluster } from './clusters-common';
import { binaryInputCluster, multiBinaryInputCluster } from './clusters-io';
import { configureReporting } from './downlink';

/**
 * Watteco Pulse Senso: three pulse/binary inputs, each a Binary Input cluster
 * (0x000F) on endpoints 0..2 — count (attribute 0x0402, uint32) and state (0x0055) — plus Basic,
 * Configuration (battery voltage), LoRaWAN and Multi Binary Inputs clusters, and batch frames of
 * indexes, input states, battery voltage and multi state. Counts are raw pulses: the litres or
 * cubic metres per pulse are set per installation, so they stay `pulse_count`.
 */
const ID = 'watteco/pulse-senso';

/** "index_N" / "pin_state_N" -> the input's register, parsed once per name (null: not an input). */
const INPUTS = new Map<string, { index: boolean; register: string } | null>();

function inputOf(name: string): { index: boolean; register: string } | null {
  let input = INPUTS.get(name);
  if (input === undefined) {
    const m = /^(index|pin_state)_(\d+)$/.exec(name);
    input = m ? { index: m[1] === 'index', register: `input_${m[2]}` } : null;
    INPUTS.set(name, input);
  }
  return input;
}

const canonical = (name: string, value: JsonValue): CanonicalPart | undefined => {
  const input = inputOf(name);
  if (input && (typeof value === 'number' || typeof value === 'boolean')) {
    const register = input.register;
    return input.index
      ? { measurement: { quantity: 'pulse_count', value: Number(value), unit: 'count', register } }
      : { measurement: { quantity: 'input_state', value: value ? 1 : 0, unit: '', register } };
  }
  if (typeof value === 'number' && (name === 'battery_voltage' || name === 'disposable_battery_voltage')) {
    return { device: { batteryVoltage: value } };
  }
  if (name === 'firmware' && typeof value === 'string') return { device: { firmware: value } };
  return undefined;
};

function encode(command: DownlinkCommand): EncodedDownlink {
  if (command.type === 'reporting_interval') {
    // Count of input 1 (endpoint 0), uint32, no reportable change: one report per interval.
    const target = { frameControl: 0x11, cluster: 0x000f, attribute: 0x0402, attributeType: 0x23, change: [0, 0, 0, 0] };
    return configureReporting(target, command.seconds);
  }
  throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
}

const label = (tag: number, name: string, sampleType: number, resolution = 1, divide = 1) => ({
  tag,
  name,
  sampleType,
  resolution,
  divide,
});

export const pulseSenso = wattecoCodec({
  meta: {
    id: ID,
    model: 'Pulse Senso',
    utility: 'pulse',
    downlinks: ['reporting_interval'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/watteco/pulse-senso.js',
      'https://support.watteco.com/cluster-binary-input',
      'https://support.watteco.com/multi-binary-inputs-cluster',
      'https://support.watteco.com/configuration-cluster',
    ],
  },
  zcl: {
    name: 'Pulse Senso',
    clusters: {
      0x0000: basicCluster,
      0x000f: binaryInputCluster,
      0x0050: configurationCluster,
      0x8004: lorawanCluster,
      0x8005: multiBinaryInputCluster,
    },
    endpointNames: {
      index: ['index_1', 'index_2', 'index_3'],
      pin_state: ['pin_state_1', 'pin_state_2', 'pin_state_3'],
      ...Object.fromEntries([4, 5, 6, 7, 8, 9, 10].map((i) => [`pin_state_${i}`, ['NA']])),
    },
  },
  batch: {
    labelBits: 4,
    labels: [
      label(0, 'index_1', 10),
      label(1, 'index_2', 10),
      label(2, 'index_3', 10),
      label(3, 'pin_state_1', 1),
      label(4, 'pin_state_2', 1),
      label(5, 'pin_state_3', 1),
      label(6, 'battery_voltage', 6, 100, 1000),
      label(7, 'multi_state', 6, 1, 100),
    ],
  },
  canonical,
  encode,
});
