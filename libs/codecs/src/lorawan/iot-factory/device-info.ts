import type { JsonObject } from '../../types';
import type { FrameParser } from './frames';
import { timedHead } from './frames';

/** Model ids of IoT Factory devices, as the vendor decoders name them. */
const MODELS: Readonly<Record<number, string>> = {
  1: 'Airbit light controller', 200: 'IXOCAT-LW-FULL', 201: 'IXOCAT-LW-LIGHT', 3: 'Betar LoRaWAN water meter LC',
  4: 'Betar Nb-IoT water meter LC', 500: 'IXOCAT-NB-FULL', 501: 'IXOCAT-NB-LIGHT', 7: 'ERTX-L01', 8: 'Construtag',
  9: 'MTBO-01-Nb', 10: 'TaigaBikeTracker', 11: 'MTBO-01-2G', 12: 'SST_GAS_radio_module', 13: 'NbIoT Button',
  14: 'МКРС-02', 15: 'BS controller', 16: 'Airbit light controller NbIoT', 17: 'IoT node', 18: 'NIS_METER',
  19: 'RoadsignTracker-LW-FULL', 21: 'Stels Smoke Sensor', 22: 'Betar LoRaWAN water meter HALL',
  23: 'Betar Nb-IoT water meter HALL', 24: 'NodeG', 25: 'TaigaTracker LoRaWAN', 26: 'TaigaTracker Nb-IoT',
  27: 'TaigaBeacon', 28: 'ERTX-ODK-2CH', 29: 'ERTX crypto kit', 30: 'TaigaPersonalTracker LW',
  31: 'TaigaPersonalTracker NB', 32: 'TaigaPersonalTracker 2G', 33: 'TaigaNode Lw', 34: 'TaigaNode Nb',
  35: 'TaigaTracker2G', 36: 'AirbitSensorHub-LW', 37: 'AuroraNodeODK', 38: 'TaigaBigTracker',
  39: 'NhrsPersonalTracker', 40: 'WasteSensor-UKS', 41: 'TaigaBikeTrackerE', 42: 'ClickButton',
  43: 'FannaConcentrator', 44: 'MyLogger', 45: 'TaigaCartTracker', 46: 'NtmPulseNB', 47: 'SoftControl-Pass',
  48: 'TempButton', 49: 'Uveos', 50: 'McsmPulseNB', 51: 'FannaConcentrator IN PWR', 52: 'AuroraNodeOdkBoard',
  53: 'Siltrack V1 EXT ANT', 54: 'RaceAnalyse', 55: 'MaximaContainerTracker', 56: 'FannaEframe',
  57: 'MaximaWasteSensorV2', 58: 'Module SGMB-USPD-NB-1', 59: 'AuroraNodeLTE', 60: 'AuroraNodeNB',
  61: 'AuroraNodeETH', 62: 'TaigaPulseCounterNb', 63: 'FannaAnchor', 64: 'AuroraNodeExtBoards',
  65: 'TaigaPersonalTracker LW_without GNSS', 66: 'TaigaPersonalTracker NB_without GNSS', 67: 'AuroraNodeGTS',
  68: 'TetronTrackerLight', 69: 'SGMB-NB-2G', 70: 'TaigaPulseCounterLW', 71: 'AnalogPCBBoard', 75: 'ErtxTermologgerNb',
};

const BOOT_REQUEST = { 0: 'boot', 1: 'result_request' };

/** Frame 0x00: device info (boot or request result): model id and firmware (low nibble major, high minor). */
export const deviceInfo: FrameParser = (r, reason): JsonObject => {
  const frame = timedHead(r, 'device_info', reason, BOOT_REQUEST);
  const model = r.u16('model id');
  frame.model_id = model;
  frame.model_name = MODELS[model] ?? 'unknown';
  const v = r.u8('firmware version');
  frame.version = `${v & 0x0f}.${v >> 4}`;
  return frame;
};
