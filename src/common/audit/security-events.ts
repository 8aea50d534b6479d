import type { Actor } from '../auth/actor';

/** A refused access (403), as the audit trail records it (等保 2.0 安全审计). */
export interface ForbiddenAccess {
  actor: Actor;
  method: string;
  /** The path without its query (ID numbers masked). */
  path: string;
  detail: string;
  rule?: string;
}

/**
 * Where security events go: the audit module implements it (common imports nothing from the
 * modules). Recording must not fail the answer: implementations swallow their own errors.
 */
export abstract class SecurityEvents {
  abstract forbidden(event: ForbiddenAccess): Promise<void>;
}
