import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from '@app/contracts';
import type { ErrorCode, FieldError } from '@app/contracts';

class FieldErrorDoc implements FieldError {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'Line of an imported file (header = 1)' }) line?: number;
}

class ErrorDoc {
  @ApiProperty({ enum: ERROR_CODES }) code!: ErrorCode;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDoc] }) fields?: FieldErrorDoc[];
  @ApiPropertyOptional({ description: 'Service that raised the error' }) service?: string;
  @ApiProperty() correlationId!: string;
}

/** OpenAPI description of the one error body: `{ error: { code, message, fields?, correlationId } }`. */
export class ErrorBodyDoc {
  @ApiProperty({ type: ErrorDoc }) error!: ErrorDoc;
}
