import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString } from 'class-validator';

/**
 * A string with at least one character (a name, a title). The stacked
 * `@IsString() @IsNotEmpty()`, applied in the same order; its length limit stays beside it
 * (`@MaxLength`), where the OpenAPI plugin reads it.
 */
export function IsNonEmptyString(): PropertyDecorator {
  return applyDecorators(IsNotEmpty(), IsString());
}
