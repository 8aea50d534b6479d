/**
 * Rows as the one jsonb parameter of a multi-row INSERT
 * `… FROM jsonb_to_recordset($n::jsonb) AS r(…, ord int) ORDER BY r.ord`: each row is numbered
 * (`ord`) so the rows are inserted, and get their ids, in the order given.
 */
export function orderedRecordset(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows.map((row, ord) => ({ ...row, ord })));
}
