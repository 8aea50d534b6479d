import { ProblemException } from '../problem/problem';
import { decodeCursor, encodeCursor, toPage, type CursorField } from './cursor';

const raw = (text: string) => Buffer.from(text).toString('base64url');

function refusal(cursor: string, fields: readonly CursorField[]) {
  try {
    decodeCursor(cursor, fields);
  } catch (error) {
    return error instanceof ProblemException ? error.toBody('/x') : error;
  }
  return null;
}

describe('decodeCursor', () => {
  it('reads no cursor as the first page', () => {
    expect(decodeCursor(undefined, ['uuid'])).toBeNull();
    expect(decodeCursor('', ['uuid'])).toBeNull();
  });

  it.each<[readonly string[], readonly CursorField[]]>([
    [
      ['2024-02-29', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b'],
      ['date', 'uuid'],
    ],
    [
      ['infinity', '0B6F2C1E-8D5A-4C8E-9F3B-2A1D4E5F6A7B'],
      ['date', 'uuid'],
    ],
    [
      ['2024-10-10T01:02:03.123456Z', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b'],
      ['instant', 'uuid'],
    ],
    [['0'], ['int']],
    [['9223372036854775807'], ['int']],
    [['-9223372036854775808'], ['int']],
    [['AG-01.x'], ['text']],
    [['张三 😀'], ['text']],
    [['x'.repeat(256)], ['text']],
  ])('round-trips %j as %j', (key, fields) => {
    expect(decodeCursor(encodeCursor(key), fields)).toEqual(key);
  });

  it.each<[string, string, readonly CursorField[]]>([
    ['base64 of ["zz","zz"] on a date and uuid list', raw('["zz","zz"]'), ['date', 'uuid']],
    [
      'an impossible date',
      encodeCursor(['2024-02-30', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['date', 'uuid'],
    ],
    [
      'a five-digit year',
      encodeCursor(['99999-01-01', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['date', 'uuid'],
    ],
    [
      'year zero',
      encodeCursor(['0000-01-01', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['date', 'uuid'],
    ],
    ['a non-UUID id', encodeCursor(['2024-01-01', 'zz']), ['date', 'uuid']],
    [
      'an instant without microseconds',
      encodeCursor(['2024-10-10T01:02:03Z', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['instant', 'uuid'],
    ],
    [
      'an instant at 24:00',
      encodeCursor(['2024-10-10T24:00:00.000000Z', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['instant', 'uuid'],
    ],
    [
      'an instant on 02-30',
      encodeCursor(['2024-02-30T00:00:00.000000Z', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['instant', 'uuid'],
    ],
    [
      'an instant with an offset',
      encodeCursor(['2024-10-10T01:02:03.123456+08:00', '0b6f2c1e-8d5a-4c8e-9f3b-2a1d4e5f6a7b']),
      ['instant', 'uuid'],
    ],
    ['a bigint beyond 64 bits', encodeCursor(['9223372036854775808']), ['int']],
    ['a decimal fraction', encodeCursor(['1.5']), ['int']],
    ['a leading zero', encodeCursor(['01']), ['int']],
    ['a number instead of a string', raw('[12]'), ['int']],
    ['text with a NUL', encodeCursor(['a\u0000b']), ['text']],
    ['text with a lone surrogate', raw('["a\\ud800"]'), ['text']],
    ['text over 256 characters', encodeCursor(['x'.repeat(257)]), ['text']],
    ['too few values', encodeCursor(['2024-01-01']), ['date', 'uuid']],
    ['too many values', encodeCursor(['1', '2']), ['int']],
    ['an object', raw('{"0":"1"}'), ['int']],
    ['not JSON', raw('[1,'), ['int']],
    ['not base64url JSON at all', '!!!', ['int']],
  ])('refuses %s with a 400 naming the cursor', (_name, cursor, fields) => {
    expect(refusal(cursor, fields)).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor', message: 'cursor is not one this API issued' }],
    });
  });
});

describe('toPage', () => {
  it('cuts the extra row and points the cursor at the last row of the page', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (row) => [String(row)],
      (row) => row * 10,
    );
    expect(page).toEqual({ items: [10, 20], nextCursor: encodeCursor(['2']) });
    expect(
      toPage(
        [1, 2],
        2,
        (row) => [String(row)],
        (row) => row,
      ).nextCursor,
    ).toBeNull();
  });
});
