/** What every state machine answers for a command its table does not allow (409). */
export function illegalTransitionOf(status: string, allowed: readonly string[]) {
  return { ok: false, refusal: { kind: 'illegal_transition', status, allowed } };
}
