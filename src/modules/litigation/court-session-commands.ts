import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { checkIfMatch } from '../../common/http/etag';
import { notFoundProblem, ProblemException } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { CommandRunner, type CommandTransaction, type Happening } from '../commands/command-runner';
import type { CourtSessionEntity } from './court-session.entity';
import { CourtSessionRepository } from './court-session.repository';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { LitigationCaseRepository } from './litigation-case.repository';

/** A session locked for a command, with its lawsuit. */
export interface LockedSession {
  session: CourtSessionEntity;
  litigation: LitigationCaseEntity;
}

/**
 * Runs a command on one court session through the command runner: the lawsuit and then the
 * session locked (the order every command on the case takes), 404 out of the actor's scope, 412
 * when `ifMatch` is stale.
 */
@Injectable()
export class CourtSessionCommands {
  constructor(
    private readonly commands: CommandRunner,
    private readonly sessions: CourtSessionRepository,
    private readonly cases: LitigationCaseRepository,
  ) {}

  run<T>(
    actor: Actor,
    id: string,
    ifMatch: string | undefined,
    work: (tx: CommandTransaction, locked: LockedSession) => Promise<T>,
  ): Promise<T> {
    return this.commands.run(actor, async (tx) => {
      const scope = TenantScope.forRecords(tx.actor);
      const caseId = await this.sessions.caseIdInScope(scope, id);
      if (!caseId) throw notFoundProblem(`Court session ${id}`);
      const litigation = await this.cases.lockForCommand(tx.manager, scope, caseId);
      const session = await this.sessions.lockForCommand(tx.manager, scope, id);
      if (!litigation || !session) throw notFoundProblem(`Court session ${id}`);
      checkIfMatch(ifMatch, session.version);
      return work(tx, { session, litigation });
    });
  }
}

/** Where a session's events belong: the session, shown on its lawsuit's timeline. */
export function sessionHappening(
  session: CourtSessionEntity,
  litigation: LitigationCaseEntity,
): Pick<Happening, 'aggregate' | 'timeline'> {
  return {
    aggregate: { type: 'court_session', id: session.id, agencyId: session.agencyId },
    timeline: { caseType: 'litigation', caseId: litigation.id },
  };
}

/** 409 `illegal_transition` unless the session is still scheduled; `what` names the command. */
export function checkSessionScheduled(session: CourtSessionEntity, what: string): void {
  if (session.status !== 'scheduled') {
    throw new ProblemException({
      type: ProblemType.IllegalTransition,
      detail: `cannot ${what} a session that is ${session.status}; only a scheduled session`,
      rule: 'illegal_transition',
      extensions: { currentStatus: session.status, allowedCommands: [] },
    });
  }
}
