import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '../../domain/calendar/legal-date.value';

/** ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`): an instant, never a wall time. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** An instant written ISO 8601 with its offset, e.g. `2024-10-10T09:00:00+08:00`. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: () =>
          '$property must be an ISO 8601 date-time with its offset, e.g. 2024-10-10T09:00:00+08:00',
      },
    },
    options,
  );
}

/** A legal date `YYYY-MM-DD` (a whole day in China Standard Time) or an instant with offset. */
export function IsLegalDateOrInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLegalDateOrInstant',
      validator: {
        validate: (value: unknown) => isLegalDate(value) || isInstant(value),
        defaultMessage: () =>
          '$property must be a date YYYY-MM-DD or an ISO 8601 date-time with its offset',
      },
    },
    options,
  );
}
