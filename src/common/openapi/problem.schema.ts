import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorSchema {
  @ApiProperty({ example: 'receivedOn' })
  field!: string;

  @ApiProperty({ example: 'receivedOn must be a date YYYY-MM-DD' })
  message!: string;
}

/** RFC 9457 problem details, the shape of every error response. */
export class ProblemSchema {
  @ApiProperty({ example: 'urn:problem:fuyi:validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'receivedOn: receivedOn must be a date YYYY-MM-DD' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/reconsideration-cases' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Invalid fields, for 400' })
  errors?: FieldErrorSchema[];

  @ApiPropertyOptional({ example: 'extension_once_only', description: 'Refusing rule, for 422' })
  rule?: string;

  @ApiPropertyOptional({ example: '行政复议法 第六十二条', description: 'Statute and article' })
  basis?: string;

  @ApiPropertyOptional({ example: '7f6c2f1e-0d7c-4c55-9a57-0c3f8a3f7c11' })
  requestId?: string;
}
