import { isLegalDate } from '../../domain/calendar/legal-date.value';
import { validationProblem } from '../problem/problem';
import { isUnsafeText } from '../validation/unsafe-text';

/**
 * Keyset pagination cursors: the sort key of the last row of a page, as base64url JSON.
 * Values stay strings (timestamps included), so no precision is lost through a JS Date.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each value of a sort key is, so that a forged cursor is a 400 and never reaches SQL:
 * - `date`: a real `YYYY-MM-DD` legal date, or `infinity` (a list sorting null dates last);
 * - `uuid`: a UUID;
 * - `instant`: the microsecond UTC text of a timestamptz, as SQL writes it with
 *   `to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
 * - `int`: a decimal bigint;
 * - `text`: up to 256 characters, without NUL or unpaired surrogates.
 */
export type CursorField = 'date' | 'uuid' | 'instant' | 'int' | 'text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const INT = /^(0|-?[1-9]\d{0,18})$/;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const TEXT_MAX_LENGTH = 256;

const FIELD_CHECKS: Record<CursorField, (value: string) => boolean> = {
  date: (value) => value === 'infinity' || isLegalDate(value),
  uuid: (value) => UUID.test(value),
  instant: (value) => isLegalDate(INSTANT.exec(value)?.[1]),
  int: (value) => INT.test(value) && BigInt(value) <= INT64_MAX && BigInt(value) >= INT64_MIN,
  text: (value) => value.length <= TEXT_MAX_LENGTH && !isUnsafeText(value),
};

function forged(): never {
  throw validationProblem([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
}

/** The sort key of a cursor, each value checked against its field; null for the first page. */
export function decodeCursor(
  cursor: string | undefined,
  fields: readonly CursorField[],
): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    forged();
  }
  if (!Array.isArray(key) || key.length !== fields.length) forged();
  const values: unknown[] = key;
  if (!values.every((value, i) => typeof value === 'string' && FIELD_CHECKS[fields[i]](value))) {
    forged();
  }
  return values as string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows were fetched with `limit + 1`: the extra one tells whether there is a next page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly string[],
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
