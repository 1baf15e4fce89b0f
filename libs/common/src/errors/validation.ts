import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError } from '@app/contracts';
import type { FieldError } from '@app/contracts';

/** Flattens class-validator errors into `field` paths, e.g. `meter.serial`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/**
 * The validation pipe of every edge (HTTP and RPC): unknown fields rejected, payloads transformed
 * into DTO instances, failures raised as `VALIDATION_FAILED` naming each field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors);
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return new DomainError('VALIDATION_FAILED', `Invalid request: ${names}`, fields);
    },
  });
}
