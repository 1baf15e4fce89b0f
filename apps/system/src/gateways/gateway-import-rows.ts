import type { CreateGatewayRequest } from '@app/contracts';
import { createErrors } from '../bulk/import-rows';
import type { RowCells, RowErrors } from '../bulk/import-rows';
import { CreateGatewayDto } from './dto/gateway.dto';

const NUMBER = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/** A number cell as a number, anything else as text (for the DTO to refuse by name). */
const numeric = (cell: string | undefined): number | string | undefined => (cell !== undefined && NUMBER.test(cell) ? Number(cell) : cell);

/** `configuration` is a JSON object in its cell; text that is not JSON stays text (the DTO refuses it). */
function json(cell: string | undefined): unknown {
  if (cell === undefined) return undefined;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
}

export function gatewayRequestOfCells(c: RowCells): Record<string, unknown> {
  return { eui: c.eui, name: c.name, model: c.model, latitude: numeric(c.latitude), longitude: numeric(c.longitude), nodeId: c.nodeId, status: c.status, configuration: json(c.configuration) };
}

/** Checks one row with the rules of a single creation (`CreateGatewayDto`); returns the request when valid. */
export function validateGatewayRow(line: number, cells: RowCells, errors: RowErrors): CreateGatewayRequest | null {
  const { value, errors: fieldErrors } = createErrors(CreateGatewayDto, gatewayRequestOfCells(cells));
  if (fieldErrors.length === 0) return value;
  const reported = new Set<string>();
  for (const error of fieldErrors) {
    if (reported.has(error.field)) continue;
    reported.add(error.field);
    const message = cells[error.field] === undefined ? 'is required' : error.message.startsWith(`${error.field} `) ? error.message.slice(error.field.length + 1) : error.message;
    errors.add(line, error.field, message);
  }
  return null;
}
