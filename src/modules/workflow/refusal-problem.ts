import { ProblemException } from '../../common/problem/problem';
import type { Refusal } from '../../domain/reconsideration/reconsideration-case.types';

/** Maps the pure machine's refusal to problem+json: 409 listing what is allowed, or 403/422. */
export function refusalProblem(refusal: Refusal, command: string): ProblemException {
  switch (refusal.kind) {
    case 'illegal_transition': {
      const allowed = refusal.allowed.map((type) => type.replaceAll('_', '-'));
      return new ProblemException({
        status: 409,
        slug: 'illegal-transition',
        title: 'Illegal state transition',
        detail: `${command.replaceAll('_', '-')} is not allowed while the case is ${refusal.status}; allowed: ${allowed.join(', ') || 'none'}`,
        rule: 'illegal_transition',
        extensions: { currentStatus: refusal.status, allowedCommands: allowed },
      });
    }
    case 'rule':
      return new ProblemException({
        status: refusal.httpStatus,
        slug: `rule/${refusal.rule}`,
        title: refusal.httpStatus === 403 ? 'Forbidden by a rule' : 'Refused by a legal rule',
        detail: refusal.detail,
        rule: refusal.rule,
        basis: refusal.basis,
      });
  }
}
