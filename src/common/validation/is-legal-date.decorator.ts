import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '../../domain/calendar/legal-date.value';

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
