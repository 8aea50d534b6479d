/*
 * Drift of a frozen month (DESIGN, "Frozen months"): every figure a fresh computation would now
 * change, so a late correction is visible and never silent. Figures are compared leaf by leaf;
 * a path is dotted (`reconsideration.correctionRate.numerator`), an array element by its index
 * or, for named rates, by name (`litigation.appearanceRates.per_case_instance.value`).
 */

export interface DriftEntry {
  readonly path: string;
  readonly frozen: unknown;
  readonly now: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leaves(value: unknown, path: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      const name =
        item !== null &&
        typeof item === 'object' &&
        typeof (item as { name?: unknown }).name === 'string'
          ? (item as { name: string }).name
          : String(index);
      leaves(item, path === '' ? name : `${path}.${name}`, into);
    });
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, Json>)) {
      leaves(child, path === '' ? key : `${path}.${key}`, into);
    }
    return;
  }
  into.set(path, value === undefined ? null : value);
}

/** The leaves of a figures object by dotted path. */
export function figureLeaves(figures: unknown): Map<string, unknown> {
  const into = new Map<string, unknown>();
  leaves(figures, '', into);
  return into;
}

/** Each figure that differs between the frozen snapshot and a fresh computation, in path order. */
export function computeDrift(frozen: unknown, now: unknown): DriftEntry[] {
  const before = figureLeaves(frozen);
  const after = figureLeaves(now);
  const paths = new Set([...before.keys(), ...after.keys()]);
  const drift: DriftEntry[] = [];
  for (const path of [...paths].sort()) {
    const a = before.has(path) ? before.get(path) : null;
    const b = after.has(path) ? after.get(path) : null;
    if (!Object.is(a, b) && !(typeof a === 'number' && typeof b === 'number' && a === b)) {
      drift.push({ path, frozen: a, now: b });
    }
  }
  return drift;
}
