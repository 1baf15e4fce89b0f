import { CodecError } from '../../errors';
import { round } from '../../reader';
import type { DownlinkCommand, EncodedDownlink, JsonValue, Measurement } from '../../types';
import type { CanonicalPart } from './codec';
import { wattecoCodec } from './codec';
import { basicCluster, configurationCluster, lorawanCluster } from './clusters-common';
import { powerQualityCluster, simpleMeteringCluster } from './clusters-electric';
import { onOffCluster } from './clusters-io';
import { configureReporting, relayCommand } from './downlink';

/**
 * Watteco Smartplug: a plug-in relay and energy meter. Simple Metering (0x0052:
 * active/reactive energy Wh/varh, powers W/var), Power Quality (0x8052: frequency, voltages,
 * over-voltage and sag counts), On/Off (0x0006, the relay), Basic, Configuration, LoRaWAN, and
 * batch frames of active energy. Downlinks: relay on/off (On/Off cluster commands) and the
 * reporting interval of the metering attribute.
 */
const ID = 'watteco/smartplug';

type Simple = Omit<Measurement, 'at' | 'value'> & { scale?: number };

const SIMPLE: Readonly<Record<string, Simple>> = {
  active_energy: { quantity: 'energy', unit: 'kWh', scale: 1000 },
  ActiveEnergy: { quantity: 'energy', unit: 'kWh', scale: 1000 },
  reactive_energy: { quantity: 'reactive_energy', unit: 'kvarh', scale: 1000 },
  active_power: { quantity: 'power', unit: 'W' },
  reactive_power: { quantity: 'reactive_power', unit: 'var' },
  frequency: { quantity: 'frequency', unit: 'Hz' },
  frequency_min: { quantity: 'frequency_min', unit: 'Hz' },
  frequency_max: { quantity: 'frequency_max', unit: 'Hz' },
  Vrms: { quantity: 'voltage', unit: 'V' },
  Vrms_min: { quantity: 'voltage_min', unit: 'V' },
  Vrms_max: { quantity: 'voltage_max', unit: 'V' },
  Vpeak: { quantity: 'peak_voltage', unit: 'V' },
  Vpeak_min: { quantity: 'peak_voltage_min', unit: 'V' },
  Vpeak_max: { quantity: 'peak_voltage_max', unit: 'V' },
  over_voltage: { quantity: 'over_voltage_count', unit: 'count' },
  sag_voltage: { quantity: 'sag_count', unit: 'count' },
};

const canonical = (name: string, value: JsonValue): CanonicalPart | undefined => {
  const simple = SIMPLE[name];
  if (simple && typeof value === 'number') {
    return { measurement: { quantity: simple.quantity, unit: simple.unit, value: simple.scale ? round(value / simple.scale) : value } };
  }
  if (name === 'output' && typeof value === 'string') {
    return { measurement: { quantity: 'relay_state', value: value === 'ON' ? 1 : 0, unit: '' } };
  }
  if (name === 'main_or_external_voltage' && typeof value === 'number') return { device: { mainsVoltage: value } };
  if (name === 'firmware' && typeof value === 'string') return { device: { firmware: value } };
  return undefined;
};

function encode(command: DownlinkCommand): EncodedDownlink {
  switch (command.type) {
    case 'relay':
      return relayCommand(command.on);
    case 'reporting_interval': {
      // Simple metering attribute 0x0000 (byte string of 12 bytes), no reportable change.
      const change = [0x0c, ...new Array<number>(12).fill(0)];
      return configureReporting({ frameControl: 0x11, cluster: 0x0052, attribute: 0x0000, attributeType: 0x41, change }, command.seconds);
    }
    default:
      throw new CodecError('UNSUPPORTED_COMMAND', `${ID} cannot encode a ${command.type} command`);
  }
}

export const smartplug = wattecoCodec({
  meta: {
    id: ID,
    model: 'Smartplug',
    utility: 'electricity',
    downlinks: ['relay', 'reporting_interval'],
    sources: [
      'https://github.com/TheThingsNetwork/lorawan-devices/blob/master/vendor/watteco/smartplug.js',
      'https://support.watteco.com/onoff-cluster',
      'https://support.watteco.com/simple-metering-like-cluster',
      'https://support.watteco.com/configuration-cluster',
    ],
  },
  zcl: {
    name: 'Smartplug',
    clusters: {
      0x0000: basicCluster,
      0x0006: onOffCluster,
      0x0050: configurationCluster,
      0x0052: simpleMeteringCluster,
      0x8004: lorawanCluster,
      0x8052: powerQualityCluster,
    },
    endpointNames: {},
  },
  batch: { labelBits: 1, labels: [{ tag: 0, resolution: 1, sampleType: 9, name: 'ActiveEnergy', divide: 1 }] },
  canonical,
  encode,
});
