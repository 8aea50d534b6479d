import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { isLegalDate } from '../../domain/calendar/legal-date.value';
import { lowerInstantBound, upperInstantBound } from '../clock/legal-day-bounds';
import { IsOptionalNotNull } from './is-optional-not-null.decorator';

/**
 * ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`): an instant, never a wall time.
 * Offsets are those in use on Earth (−12:00 to +14:00); PostgreSQL refuses beyond ±15:59.
 */
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;
const MAX_OFFSET_MINUTES = { '+': 14 * 60, '-': 12 * 60 };

function offsetInRange(value: string): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (!offset) return true;
  const sign = offset[1] as '+' | '-';
  return Number(offset[2]) * 60 + Number(offset[3]) <= MAX_OFFSET_MINUTES[sign];
}

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    offsetInRange(value) &&
    isLegalDate(value.slice(0, 10)) &&
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

/**
 * An optional date or instant (a filter's bound): may be left out, not sent as null.
 * `@IsOptionalNotNull() @IsLegalDateOrInstant()`.
 */
export function IsOptionalLegalDateOrInstant(): PropertyDecorator {
  return applyDecorators(IsLegalDateOrInstant(), IsOptionalNotNull());
}

/**
 * A `from` filter: a date `YYYY-MM-DD` (from the start of that China Standard Time day) or an
 * instant with offset, handed on as an instant; never a date read in the database session's zone.
 */
export function IsInstantFrom(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? lowerInstantBound(value) : value,
    ),
    IsLegalDateOrInstant(),
  );
}

/** A `to` filter: a date (inclusive, through that China Standard Time day) or an instant (exclusive). */
export function IsInstantTo(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? upperInstantBound(value) : value,
    ),
    IsLegalDateOrInstant(),
  );
}
