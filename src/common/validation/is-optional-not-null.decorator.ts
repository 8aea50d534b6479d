import { applyDecorators } from '@nestjs/common';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * An optional field: when absent (undefined) its other validators are skipped; an explicit null
 * is refused ("must not be null"), unlike class-validator's `@IsOptional()`, which lets null
 * through to code that reads the field as its type. A field that may be cleared with null is
 * documented nullable and keeps `@IsOptional()`.
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  const skipWhenAbsent = ValidateIf((_object, value) => value !== undefined, options);
  const notNull = ValidateBy(
    {
      name: 'isNotNull',
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: () => '$property must not be null',
      },
    },
    options,
  );
  return applyDecorators(skipWhenAbsent, notNull);
}
