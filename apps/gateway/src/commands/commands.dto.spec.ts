import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '@app/common';
import { DomainError } from '@app/contracts';
import { CreateCommandBody, ListCommandsQuery } from './commands.dto';

const body: ArgumentMetadata = { type: 'body', metatype: CreateCommandBody };
const query: ArgumentMetadata = { type: 'query', metatype: ListCommandsQuery };

describe('command DTOs', () => {
  const pipe = createValidationPipe();
  const fieldsOf = async (value: unknown, metadata = body): Promise<string[]> => {
    const error = await pipe.transform(value, metadata).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).fields ?? []).map((f) => f.field).sort();
  };

  it('accepts each command type with its value field and the options', async () => {
    for (const value of [
      { type: 'valve', open: true },
      { type: 'relay', on: false, confirmed: false },
      { type: 'reporting_interval', seconds: 3600, expiresInSeconds: 60 },
      { type: 'time_sync', at: '2026-03-02T12:00:00Z', expiresInSeconds: 30 * 24 * 3600 },
      { type: 'read_config' },
      { type: 'reset_counter' },
    ]) {
      await expect(pipe.transform(value, body)).resolves.toMatchObject(value);
    }
  });

  it('requires the value field of the type only, naming it', async () => {
    expect(await fieldsOf({ type: 'valve' })).toEqual(['open']);
    expect(await fieldsOf({ type: 'relay', on: 'yes' })).toEqual(['on']);
    expect(await fieldsOf({ type: 'reporting_interval', seconds: 0 })).toEqual(['seconds']);
    expect(await fieldsOf({ type: 'reporting_interval', seconds: 1.5 })).toEqual(['seconds']);
    expect(await fieldsOf({ type: 'time_sync', at: 'tomorrow' })).toEqual(['at']);
    await expect(pipe.transform({ type: 'read_config', on: 'ignored for this type' }, body)).resolves.toBeDefined();
  });

  it('names a bad type, bad options and unknown fields', async () => {
    expect(await fieldsOf({ type: 'self_destruct' })).toEqual(['type']);
    expect(await fieldsOf({})).toEqual(['type']);
    expect(await fieldsOf({ type: 'read_config', expiresInSeconds: 59 })).toEqual(['expiresInSeconds']);
    expect(await fieldsOf({ type: 'read_config', expiresInSeconds: 30 * 24 * 3600 + 1 })).toEqual(['expiresInSeconds']);
    expect(await fieldsOf({ type: 'read_config', confirmed: 'true' })).toEqual(['confirmed']);
    expect(await fieldsOf({ type: 'read_config', meterId: 'smuggled' })).toEqual(['meterId']);
  });

  it('pages with a limit of 1 to 200', async () => {
    await expect(pipe.transform({ limit: '20', cursor: 'abc' }, query)).resolves.toMatchObject({ limit: 20, cursor: 'abc' });
    expect(await fieldsOf({ limit: '0' }, query)).toEqual(['limit']);
    expect(await fieldsOf({ limit: '201' }, query)).toEqual(['limit']);
  });
});
