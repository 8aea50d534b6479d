import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_TYPES, ProblemType, problemTypeUri } from '../problem/problem-type';
import { RULE_CATALOGUE } from '../problem/rule-catalogue';

const TYPE_LIST = Object.values(ProblemType)
  .map(
    (type) =>
      `- \`${problemTypeUri(type)}\` (${PROBLEM_TYPES[type].status}) ${PROBLEM_TYPES[type].title}`,
  )
  .join('\n');

const RULE_LIST = Object.entries(RULE_CATALOGUE)
  .map(([rule, basis]) => `- \`${rule}\`: ${basis}`)
  .join('\n');

export class FieldErrorSchema {
  @ApiProperty({ example: 'receivedOn' })
  field!: string;

  @ApiProperty({ example: 'receivedOn must be a date YYYY-MM-DD' })
  message!: string;
}

/** RFC 9457 problem details, the shape of every error response. */
export class ProblemSchema {
  @ApiProperty({
    example: 'urn:problem:fuyi:validation-failed',
    enum: Object.values(ProblemType).map(problemTypeUri),
    description: `Every problem type the API answers:\n${TYPE_LIST}`,
  })
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

  @ApiPropertyOptional({
    example: 'extension_once_only',
    enum: ['illegal_transition', ...Object.keys(RULE_CATALOGUE)],
    description: `The refusing rule (422, some 403 and 409), with its article:\n${RULE_LIST}`,
  })
  rule?: string;

  @ApiPropertyOptional({ example: '行政复议法 第六十二条', description: 'Statute and article' })
  basis?: string;

  @ApiPropertyOptional({ example: '7f6c2f1e-0d7c-4c55-9a57-0c3f8a3f7c11' })
  requestId?: string;
}
