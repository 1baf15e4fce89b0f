import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { DomainError } from '@app/contracts';
import { createValidationPipe } from './validation';

class Address {
  @IsString() street!: string;
}
class Body {
  @IsInt() @Min(1) count!: number;
  @ValidateNested() @Type(() => Address) address!: Address;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: Body };

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('transforms a valid payload into the DTO', async () => {
    const value = (await pipe.transform({ count: 2, address: { street: 'Main' } }, metadata)) as Body;
    expect(value).toBeInstanceOf(Body);
    expect(value.address).toBeInstanceOf(Address);
  });

  it('raises VALIDATION_FAILED naming each bad field, nested ones by path, and unknown fields', async () => {
    const error = await pipe.transform({ count: 0, address: { street: 5 }, extra: true }, metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.code).toBe('VALIDATION_FAILED');
    expect(domain.fields?.map((f) => f.field).sort()).toEqual(['address.street', 'count', 'extra']);
    expect(domain.message).toContain('address.street');
  });
});
