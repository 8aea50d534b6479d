import type { TenantScope } from './tenant-scope';

/**
 * The WHERE of a tenant-scoped list query, built filter by filter with positional parameters:
 * `$1` is the tenant scope on `<alias>.agency_id` (null: any tenant); each filter that was given
 * adds its clause, its values becoming the next parameters; one left out (undefined) adds nothing.
 */
export class ScopedFilter {
  readonly params: unknown[];
  private readonly clauses: string[];

  constructor(scope: TenantScope, alias: string) {
    this.params = [scope.agencyId];
    this.clauses = [`($1::uuid IS NULL OR ${alias}.agency_id = $1)`];
  }

  /** `clause` with `value` as its parameter, unless `value` is undefined (filter not given). */
  add(clause: (placeholder: string) => string, value: unknown): void {
    if (value === undefined) return;
    this.clauses.push(clause(this.param(value)));
  }

  /** A clause over several parameters: a keyset `(a, b) < ($n, $m)`, an OR of two filters. */
  addAll(values: readonly unknown[], clause: (...placeholders: string[]) => string): void {
    this.clauses.push(clause(...values.map((value) => this.param(value))));
  }

  /** Adds a parameter outside the WHERE (the LIMIT, last): its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** The clauses, joined by AND. */
  get sql(): string {
    return this.clauses.join(' AND ');
  }
}
