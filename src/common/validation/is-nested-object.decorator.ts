import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

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
