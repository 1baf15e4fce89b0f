import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '@app/common';
import { DomainError } from '@app/contracts';
import { CreateCommandDto, ListCommandsDto } from './commands.dto';

const meterId = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

describe('metering command DTOs (the RPC edge)', () => {
  const pipe = createValidationPipe();
  const fieldsOf = async (value: unknown, metatype: ArgumentMetadata['metatype'] = CreateCommandDto): Promise<string[]> => {
    const error = await pipe.transform(value, { type: 'body', metatype }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return ((error as DomainError).fields ?? []).map((f) => f.field).sort();
  };

  it('accepts a flat command with its meter', async () => {
    await expect(pipe.transform({ meterId, type: 'relay', on: true, confirmed: false, expiresInSeconds: 600 }, { type: 'body', metatype: CreateCommandDto })).resolves.toMatchObject({ meterId, on: true });
  });

  it('names the meter, the type and the value field', async () => {
    expect(await fieldsOf({ type: 'read_config' })).toEqual(['meterId']);
    expect(await fieldsOf({ meterId: 'm-1', type: 'valve' })).toEqual(['meterId', 'open']);
    expect(await fieldsOf({ meterId, type: 'reporting_interval', seconds: 8 * 24 * 3600 })).toEqual(['seconds']);
    expect(await fieldsOf({ meterId, type: 'read_config', expiresInSeconds: 10 })).toEqual(['expiresInSeconds']);
    expect(await fieldsOf({ meterId, limit: 0 }, ListCommandsDto)).toEqual(['limit']);
  });
});
