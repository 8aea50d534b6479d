import { isDeepStrictEqual } from 'node:util';

/** A changed field's old and new value, as the audit trail records it. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * The fields of `next` whose value differs from `previous`, each with its old and new value
 * (nested objects compared by value). `mask` hides sensitive values (e.g. ID numbers).
 */
export function fieldChanges<T extends object>(
  previous: T,
  next: Partial<T>,
  mask: (value: unknown) => unknown = (value) => value,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const before = (previous as Record<string, unknown>)[field];
    if (!isDeepStrictEqual(before, value)) {
      changes[field] = { from: mask(before ?? null), to: mask(value) };
    }
  }
  return changes;
}
