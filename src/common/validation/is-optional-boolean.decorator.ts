import { applyDecorators } from '@nestjs/common';
import { IsBoolean } from 'class-validator';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/**
 * An optional boolean: may be left out, not sent as null. The stacked
 * `@IsOptionalNotNull() @IsBoolean()`, applied in the same order.
 */
export function IsOptionalBoolean(): PropertyDecorator {
  return applyDecorators(IsBoolean(), IsOptionalNotNull());
}
