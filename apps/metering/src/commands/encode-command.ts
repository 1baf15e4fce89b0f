import { CodecError, encodeDownlink, hasCodec } from '@app/codecs';
import type { DownlinkCommand } from '@app/codecs';
import { DomainError } from '@app/contracts';
import type { CommandRequest } from '@app/contracts';

export interface EncodedCommand {
  fPort: number;
  bytes: Uint8Array;
  /** Whether the codec asks for a confirmed downlink. */
  confirmed?: boolean;
}

function toCodecCommand(command: CommandRequest): DownlinkCommand {
  if (command.type !== 'time_sync') return command;
  const at = new Date(command.at);
  if (Number.isNaN(at.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'command.at: must be an ISO-8601 time', [{ field: 'command.at', message: 'must be an ISO-8601 time' }]);
  }
  return { type: 'time_sync', at };
}

/**
 * Encodes a command with the device's codec (libs/codecs downlink encoders). A codec without an encoder for the
 * command is UNPROCESSABLE with an `UNSUPPORTED:` message naming both; an unknown codec or a value the encoder
 * refuses is VALIDATION_FAILED naming the field.
 */
export function encodeCommand(codecId: string, command: CommandRequest): EncodedCommand {
  if (!hasCodec(codecId)) {
    throw new DomainError('VALIDATION_FAILED', `codecId: no codec "${codecId}"`, [{ field: 'codecId', message: `no codec "${codecId}"` }]);
  }
  try {
    const encoded = encodeDownlink(codecId, toCodecCommand(command));
    return { fPort: encoded.fPort, bytes: encoded.bytes, ...(encoded.confirmed !== undefined ? { confirmed: encoded.confirmed } : {}) };
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    if (error.code === 'UNSUPPORTED_COMMAND') {
      const message = `UNSUPPORTED: codec "${codecId}" cannot encode a "${command.type}" command`;
      throw new DomainError('UNPROCESSABLE', message, [{ field: 'command.type', message }]);
    }
    if (error.code === 'INVALID_COMMAND') {
      throw new DomainError('VALIDATION_FAILED', `command: ${error.message}`, [{ field: 'command', message: error.message }]);
    }
    throw new DomainError('INTERNAL', `${codecId} failed to encode a "${command.type}" command: ${error.message}`);
  }
}
