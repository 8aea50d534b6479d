import { fieldChanges, type FieldChange } from './field-changes';

/**
 * Applies a partial update to a record: each field `next` gives (not undefined) replaces the
 * record's. Returns what changed, as `fieldChanges` reports it (`mask` hides sensitive values).
 */
export function applyFieldChanges<T extends object>(
  record: T,
  next: Partial<T>,
  mask?: (value: unknown) => unknown,
): Record<string, FieldChange> {
  const changes = fieldChanges(record, next, mask);
  Object.assign(
    record,
    Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
  );
  return changes;
}

/**
 * How an edit of descriptive fields is recorded: the event and message name the fields changed;
 * only the audit entry keeps their old and new values (masked where sensitive).
 */
export function changedFieldsRecord(changes: Record<string, FieldChange>): {
  payload: { fields: string[] };
  audit: Record<string, FieldChange>;
} {
  return { payload: { fields: Object.keys(changes) }, audit: changes };
}
