import { CodecError, asCodecError, decodeUplink, decodeWmbus, hasCodec, parseDll, parseTelegram, stripDllCrcs } from '@app/codecs';
import type { DecodedPayload } from '@app/codecs';
import type { WmbusIdentity } from '@app/contracts';

/**
 * The codec id that marks a LoRaWAN device as a wireless M-Bus bridge: its frame payloads are whole wM-Bus
 * telegrams, decoded with the wM-Bus decoder and attributed to the meter the telegram names (by its wM-Bus
 * address, with that meter's AES key from the registry).
 */
export const WMBUS_BRIDGE_CODEC = 'wmbus';

export type PayloadDecode =
  | { status: 'ok'; decoded: DecodedPayload }
  | { status: 'failed'; error: CodecError }
  | { status: 'no_codec' }
  | { status: 'not_applicable' };

/** An uplink without application data (fPort 0 carries MAC commands only) has nothing to decode. */
export function hasApplicationData(fPort: number, data: Uint8Array): boolean {
  return fPort > 0 && data.length > 0;
}

/** Decodes a LoRaWAN frame payload with the device's codec; every failure is a CodecError, never a throw. */
export function decodeLorawan(codecId: string | null, fPort: number, data: Uint8Array, time: string | undefined): PayloadDecode {
  if (!hasApplicationData(fPort, data)) return { status: 'not_applicable' };
  if (!codecId) return { status: 'no_codec' };
  if (!hasCodec(codecId)) return { status: 'failed', error: new CodecError('UNKNOWN_CODEC', `no codec with id "${codecId}"`, { codec: codecId }) };
  try {
    return { status: 'ok', decoded: decodeUplink(codecId, fPort, data, time) };
  } catch (error) {
    return { status: 'failed', error: asCodecError(error, codecId) };
  }
}

/** The wM-Bus address a bridged telegram names (as the meter's label prints it), or why it names none. */
export function telegramAddress(data: Uint8Array): { ok: true; identity: WmbusIdentity } | { ok: false; error: CodecError } {
  try {
    let manufacturer: string;
    let id: string;
    try {
      // Reads the header the way the decoder will (Diehl addresses normalised); needs no key.
      const t = parseTelegram(data);
      ({ manufacturer, id } = t.dll);
    } catch (error) {
      if (!(error instanceof CodecError) || (error.code !== 'KEY_NEEDED' && error.code !== 'WRONG_KEY')) throw error;
      ({ manufacturer, id } = parseDll(stripDllCrcs(data).frame));
    }
    return { ok: true, identity: { manufacturer: manufacturer.toUpperCase(), id } };
  } catch (error) {
    return { ok: false, error: asCodecError(error, WMBUS_BRIDGE_CODEC) };
  }
}

/** Decodes a bridged wM-Bus telegram with the meter's key (32 hex digits) when it has one. */
export function decodeBridgedTelegram(data: Uint8Array, aesKeyHex: string | null | undefined): PayloadDecode {
  try {
    const key = aesKeyHex ? Uint8Array.from(Buffer.from(aesKeyHex, 'hex')) : undefined;
    return { status: 'ok', decoded: decodeWmbus(data, key ? { key } : {}) };
  } catch (error) {
    return { status: 'failed', error: asCodecError(error, WMBUS_BRIDGE_CODEC) };
  }
}
