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
}

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
