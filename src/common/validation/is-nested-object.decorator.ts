import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

type DtoClass = new () => object;

/**
 * A JSON object validated as `type`. `@ValidateNested()` alone accepts an array (it validates its
 * elements, so `[]` passes) and leaves code reading the field as an object with an array.
 */
export function IsNestedObject(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(type));
}

/** An array whose every element is a JSON object validated as `type` (no nested arrays). */
export function IsNestedObjectArray(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** An optional nested object (may be left out, not sent as null): `@IsOptionalNotNull() @IsNestedObject(type)`. */
export function IsOptionalNestedObject(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsNestedObject(type), IsOptionalNotNull());
}

/**
 * An optional array of nested objects (may be left out, not sent as null):
 * `@IsOptionalNotNull() @IsNestedObjectArray(type)`; its size limits stay beside it, where the
 * OpenAPI plugin reads them.
 */
export function IsOptionalNestedObjectArray(type: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsNestedObjectArray(type), IsOptionalNotNull());
}
