import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '@app/common';
import { DomainError } from '@app/contracts';
import { ResolveDevicesDto } from './resolve-devices.dto';

const metadata: ArgumentMetadata = { type: 'body', metatype: ResolveDevicesDto };

describe('ResolveDevicesDto', () => {
  const pipe = createValidationPipe();

  it('accepts devEuis and wM-Bus addresses', async () => {
    const value = (await pipe.transform({ devEuis: ['0011223344556677', 'AABBCCDDEEFF0011'], wmbus: [{ manufacturer: 'DME', id: '12345678' }] }, metadata)) as ResolveDevicesDto;
    expect(value.wmbus?.[0]?.id).toBe('12345678');
  });

  it('names each bad field: a malformed devEui, a bad wM-Bus address, too many devEuis', async () => {
    const bad = await pipe.transform({ devEuis: ['xyz'], wmbus: [{ manufacturer: 'D1', id: '12' }] }, metadata).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DomainError);
    expect((bad as DomainError).code).toBe('VALIDATION_FAILED');
    expect((bad as DomainError).fields?.map((f) => f.field).sort()).toEqual(['devEuis', 'wmbus.0.id', 'wmbus.0.manufacturer']);
    const many = await pipe.transform({ devEuis: Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(16, '0')) }, metadata).catch((e: unknown) => e);
    expect((many as DomainError).fields?.map((f) => f.field)).toEqual(['devEuis']);
  });
});
