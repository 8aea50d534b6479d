import { decodeCursor, type CursorField } from './cursor';

/**
 * The rows a keyset page asks its repository for: those after the cursor's sort key (null on the
 * first page), one more than the page size so that `toPage` can tell whether another page follows.
 */
export function pageWindow(
  query: { cursor?: string; limit: number },
  fields: readonly CursorField[],
): { after: string[] | null; limit: number } {
  return { after: decodeCursor(query.cursor, fields), limit: query.limit + 1 };
}
