import type { Role } from './role';

export type ActorKind = 'user' | 'api_client' | 'system';

/** Who makes a request: a person, an integration client, or the system itself (sweeps). */
export interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string;
  /** The reconsideration body the actor belongs to; null for the system and agency-less admins. */
  agencyId: string | null;
  roles: readonly Role[];
  requestId?: string;
  /** The client address of the request (per TRUST_PROXY), for the audit trail. */
  address?: string;
  /**
   * A restricted session: a temporary password must be changed, or a second factor enrolled,
   * before anything else (only routes marked `@RestrictedSessionAllowed` answer).
   */
  restriction?: SessionRestriction;
  /** The bearer token's id and expiry (logout revokes it). */
  tokenId?: string;
  tokenExpiresAt?: number;
}

export type SessionRestriction = 'password_change' | 'mfa_enrollment';

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: null,
  name: 'system',
  agencyId: null,
  roles: [],
};

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/** The columns in which a record stores who did it (audit_entry, case_event). */
export interface ActorColumns {
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
}

/** Who did it, as responses name them, from a record's actor columns. */
export function actorOfColumns(row: ActorColumns): {
  kind: ActorKind;
  id: string | null;
  name: string;
} {
  return { kind: row.actor_kind, id: row.actor_id, name: row.actor_name };
}
