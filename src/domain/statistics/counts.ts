/**
 * Field-by-field sums of two records of counts: every key of `a`, plus `b`'s value where it has
 * one (a missing count is 0).
 */
export function sumCounts<T extends { readonly [K in keyof T]: number }>(a: T, b: Partial<T>): T {
  const sum = { ...a } as Record<keyof T, number>;
  for (const key of Object.keys(a) as (keyof T)[]) sum[key] = a[key] + (b[key] ?? 0);
  return sum as T;
}
