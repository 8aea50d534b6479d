import { type Actor, isAdmin } from '../auth/actor';
import { notFoundProblem, validationProblem } from '../problem/problem';

/**
 * Whose records a request may read and write (DESIGN, "Tenancy"): one reconsideration body, or
 * every body. The one rule, applied by every repository:
 *
 * - a record by id (read or command): the system and admins reach every body; everyone else
 *   (head, clerk, viewer, API client) only their own — another body's record does not exist
 *   for them (404);
 * - a list: an admin sees the body they name, else their own, else (an admin of no body) all;
 *   everyone else their own body, whatever they name;
 * - a new record belongs to the caller's body; an admin names it, or acts for their own.
 */
export class TenantScope {
  private constructor(
    /** The one body in scope; null: every body. */
    readonly agencyId: string | null,
  ) {}

  static all(): TenantScope {
    return new TenantScope(null);
  }

  static of(agencyId: string): TenantScope {
    return new TenantScope(agencyId);
  }

  /** Records the actor may reach by id, to read or to change. */
  static forRecords(actor: Actor): TenantScope {
    if (actor.kind === 'system' || isAdmin(actor)) return TenantScope.all();
    return TenantScope.of(ownAgency(actor));
  }

  /** The records a list shows; `named` is the `agencyId` query parameter. */
  static forList(actor: Actor, named?: string): TenantScope {
    if (actor.kind === 'system' || isAdmin(actor)) {
      const agencyId = named ?? actor.agencyId;
      return agencyId ? TenantScope.of(agencyId) : TenantScope.all();
    }
    return TenantScope.of(ownAgency(actor));
  }

  /** The body a new record belongs to; `named` is an admin's choice of body. */
  static agencyForNew(actor: Actor, named?: string): string {
    if (isAdmin(actor)) {
      const agencyId = named ?? actor.agencyId;
      if (agencyId) return agencyId;
      throw validationProblem([
        { field: 'agencyId', message: 'an admin of no body names the body the record is for' },
      ]);
    }
    const own = ownAgency(actor);
    if (named !== undefined && named !== own) throw notFoundProblem(`Agency ${named}`);
    return own;
  }

  get isAll(): boolean {
    return this.agencyId === null;
  }

  /** True when a record of `agencyId` is in scope. */
  includes(agencyId: string): boolean {
    return this.agencyId === null || this.agencyId === agencyId;
  }
}

/** A person or client of no body has nothing in scope: a sentinel no row carries. */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

function ownAgency(actor: Actor): string {
  return actor.agencyId ?? NO_AGENCY;
}
