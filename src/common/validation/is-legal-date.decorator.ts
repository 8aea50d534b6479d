import { applyDecorators } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '../../domain/calendar/legal-date.value';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/** A real calendar day written `YYYY-MM-DD` (2024-02-30 is refused). */
export function IsLegalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLegalDate',
      validator: {
        validate: (value: unknown) => isLegalDate(value),
        defaultMessage: () => '$property must be a real date written YYYY-MM-DD',
      },
    },
    options,
  );
}

/** An optional legal date: may be left out, not sent as null. `@IsOptionalNotNull() @IsLegalDate()`. */
export function IsOptionalLegalDate(): PropertyDecorator {
  return applyDecorators(IsLegalDate(), IsOptionalNotNull());
}
