import { applyDecorators } from '@nestjs/common';
import { IsString } from 'class-validator';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/**
 * An optional string: may be left out, not sent as null. The stacked
 * `@IsOptionalNotNull() @IsString()`, applied in the same order; its length limit stays beside it
 * (`@MaxLength`), where the OpenAPI plugin reads it.
 */
export function IsOptionalString(): PropertyDecorator {
  return applyDecorators(IsString(), IsOptionalNotNull());
}
