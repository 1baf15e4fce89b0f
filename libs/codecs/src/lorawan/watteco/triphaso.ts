import { CodecError } from '../../errors';
import { round } from '../../reader';
import type { DownlinkCommand, EncodedDownlink, JsonValue, Measurement } from '../../types';
import type { CanonicalPart } from './codec';
import { wattecoCodec } from './codec';
import { basicCluster, configurationCluster, lorawanCluster } from './clusters-common';
import {
  energyPowerCluster,
  energyPowerMultiCluster,
  voltageCurrentCluster,
  voltageCurrentMultiCluster,
} from './clusters-electric';
import { configureReporting } from './downlink';

/**
 * Watteco Triphaso: a three-phase energy meter. Energy and Power Metering (0x800A,
 * one endpoint per phase a, b, c and abc = total), Energy and Power Multi-Metering (0x8010),
 * Voltage/Current Metering (0x800B) and Multi-Metering (0x800D), Basic, Configuration, LoRaWAN.
 * The vendor decoder defines no batch labels for it, so batch frames are refused.
 *
 * Canonical registers: phases a, b, c are "L1", "L2", "L3"; the total (abc) has no register;
 * the negative (exported) direction adds "reverse" ("reverse", "L1:reverse", ...).
 */
const ID = 'watteco/triphaso';

const PHASE: Readonly<Record<string, string | undefined>> = { a: 'L1', b: 'L2', c: 'L3', abc: undefined };

const KIND: Readonly<Record<string, { quantity: string; unit: Measurement['unit']; scale: number }>> = {
  active_energy: { quantity: 'energy', unit: 'kWh', scale: 1000 },
  reactive_energy: { quantity: 'reactive_energy', unit: 'kvarh', scale: 1000 },
  active_power: { quantity: 'power', unit: 'W', scale: 1 },
  reactive_power: { quantity: 'reactive_power', unit: 'var', scale: 1 },
};

function register(phase: string, reverse: boolean): Pick<Measurement, 'register'> {
  const name = PHASE[phase];
  if (name === undefined) return reverse ? { register: 'reverse' } : {};
  return { register: reverse ? `${name}:reverse` : name };
}

/** What a sample name means, worked out once per name. */
type Rule =
  | { kind: 'energy'; quantity: string; unit: Measurement['unit']; scale: number; register: Pick<Measurement, 'register'>; wraps: boolean }
  | { kind: 'vi'; quantity: string; unit: Measurement['unit']; register: Pick<Measurement, 'register'> }
  | undefined;

function ruleOf(name: string): Rule {
  const energy = /^(?:(positive|negative)_)?(active|reactive)_(energy|power)_(a|b|c|abc)$/.exec(name);
  if (energy) {
    const [, direction, type, what, phase] = energy;
    const kind = KIND[`${type}_${what}`];
    // Multi-metering values are signed 32-bit; the vendor prints them unsigned.
    const wraps = direction === undefined;
    return { kind: 'energy', quantity: kind.quantity, unit: kind.unit, scale: kind.scale, register: register(phase, direction === 'negative'), wraps };
  }
  const vi = /^(Vrms|Irms|angle)_(a|b|c)$/.exec(name);
  if (vi) {
    const [, what, phase] = vi;
    const quantity = what === 'Vrms' ? 'voltage' : what === 'Irms' ? 'current' : 'phase_angle';
    const unit: Measurement['unit'] = what === 'Vrms' ? 'V' : what === 'Irms' ? 'A' : '';
    return { kind: 'vi', quantity, unit, register: register(phase, false) };
  }
  return undefined;
}

const RULES = new Map<string, Rule>();

/** `{ quantity, value, unit, ...register }` as a literal (an object spread per sample is slow in V8). */
function measurement(quantity: string, value: number, unit: Measurement['unit'], register: string | undefined): Omit<Measurement, 'at'> {
  return register === undefined ? { quantity, value, unit } : { quantity, value, unit, register };
}

const canonical = (name: string, value: JsonValue): CanonicalPart | undefined => {
  if (typeof value !== 'number') {
    return name === 'firmware' && typeof value === 'string' ? { device: { firmware: value } } : undefined;
  }
  let rule = RULES.get(name);
  if (rule === undefined && !RULES.has(name)) RULES.set(name, (rule = ruleOf(name)));
  if (rule?.kind === 'energy') {
    const signed = rule.wraps && value > 0x7fffffff ? value - 2 ** 32 : value;
    return { measurement: measurement(rule.quantity, round(signed / rule.scale), rule.unit, rule.register.register) };
  }
  if (rule?.kind === 'vi') return { measurement: measurement(rule.quantity, value, rule.unit, rule.register.register) };
  if (name === 'main_or_external_voltage') return { device: { mainsVoltage: value } };
  return undefined;
};

function encode(command: DownlinkCommand): EncodedDownlink {
  if (command.type === 'reporting_interval') {
    // Energy and power metering of the total (endpoint 3, frame control 0x71), 32-byte value.
    const change = [0x20, ...new Array<number>(32).fill(0)];
    return configureReporting({ frameControl: 0x71, cluster: 0x800a, attribute: 0x0000, attributeType: 0x41, change }, command.seconds);
  }
  throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
}

const perPhase = (field: string, phases = ['a', 'b', 'c', 'abc']): [string, string[]] => [field, phases.map((p) => `${field}_${p}`)];

export const triphaso = wattecoCodec({
  meta: {
    id: ID,
    model: 'Triphaso',
    utility: 'electricity',
    downlinks: ['reporting_interval'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/watteco/triphaso.js',
      'https://support.watteco.com/energy-power-metering',
      'https://support.watteco.com/voltage-current-metering',
      'https://support.watteco.com/configuration-cluster',
    ],
  },
  zcl: {
    name: 'Triphaso',
    clusters: {
      0x0000: basicCluster,
      0x0050: configurationCluster,
      0x8004: lorawanCluster,
      0x800a: energyPowerCluster,
      0x800b: voltageCurrentCluster,
      0x800d: voltageCurrentMultiCluster,
      0x8010: energyPowerMultiCluster,
    },
    endpointNames: Object.fromEntries([
      ...['positive', 'negative'].flatMap((d) =>
        ['active_energy', 'reactive_energy', 'active_power', 'reactive_power'].map((f) => perPhase(`${d}_${f}`)),
      ),
      ...['Vrms', 'Irms', 'angle'].map((f) => perPhase(f, ['a', 'b', 'c'])),
    ]),
  },
  canonical,
  encode,
});
