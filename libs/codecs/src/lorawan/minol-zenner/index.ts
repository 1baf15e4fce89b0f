import type { LorawanCodec } from '../../types';
import { edcCommunicationModule } from './edc-communication-module';

/** minol-zenner codecs (LoRaWAN Device Repository vendor id `minol-zenner`). */
export const minolZennerCodecs: LorawanCodec[] = [edcCommunicationModule];
