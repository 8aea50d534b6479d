import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { conflictProblem, type ProblemException } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { setLockTimeout } from '../../database/lock-timeout';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { AuditRepository, type AuditRecord } from '../audit/audit.repository';
import { OutboxRepository, type OutboxMessage } from '../outbox/outbox.repository';
import type { CaseType } from '../timeline/case-event.entity';
import { CaseEventRepository, type NewCaseEvent } from '../timeline/case-event.repository';

/** The record a command changed: its kind (`reconsideration_case`, `hearing`, …), id and body. */
export interface Aggregate {
  readonly type: string;
  readonly id: string;
  /** The reconsideration body it belongs to; null for global records (the calendar). */
  readonly agencyId: string | null;
}

/**
 * What happened, once: the runner writes it as the case's timeline event, the outbox message
 * (topic `type`) and the audit entry (action `type`), all in the command's transaction.
 */
export interface Happening {
  readonly aggregate: Aggregate;
  /** Dotted: `<aggregate type>.<event>`, e.g. `reconsideration_case.accepted`, `hearing.scheduled`. */
  readonly type: string;
  readonly occurredOn: LegalDate | string | null;
  /** The facts of the change: the timeline payload, and by default the message and audit summary. */
  readonly payload: Record<string, unknown>;
  /** The case whose timeline shows it; default the aggregate when it is a case, else none. */
  readonly timeline?: { readonly caseType: CaseType; readonly caseId: string } | null;
  /** Data of the outbox message; default `payload`; null: no message. */
  readonly message?: Record<string, unknown> | null;
  /** Audit summary; default `payload`; null: no audit entry (the sweep's marks). */
  readonly audit?: Record<string, unknown> | null;
}

const CASE_AGGREGATES: Readonly<Record<string, CaseType>> = {
  reconsideration_case: 'reconsideration',
  litigation_case: 'litigation',
};

/** Conflicts a unique constraint stands for, by constraint name. */
const UNIQUE_CONFLICTS: Readonly<Record<string, { type: ProblemType; detail: string }>> = {
  reconsideration_case_case_number_key: {
    type: ProblemType.NumberTaken,
    detail: 'The case number was taken by another case of the body a moment ago; retry',
  },
  reconsideration_case_receipt_number_key: {
    type: ProblemType.NumberTaken,
    detail: 'The receipt number was taken by another case of the body a moment ago; retry',
  },
  litigation_case_number_key: {
    type: ProblemType.NumberTaken,
    detail: 'The court case number (案号) is already registered for the body',
  },
  app_user_username_key: { type: ProblemType.UsernameTaken, detail: 'The username is taken' },
  agency_code_key: { type: ProblemType.AgencyCodeTaken, detail: 'The agency code is taken' },
};

const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK_DETECTED = '40P01';
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

interface PostgresError {
  code?: string;
  constraint?: string;
}

export interface CommandOptions {
  /**
   * Names the clash after an exclusion constraint refused the write (SQLSTATE 23P01), looked up
   * once the transaction has rolled back (hearing and court-session bookings).
   */
  onExclusion?: (constraint: string | undefined) => Promise<ProblemException>;
}

/** One command's transaction: its manager, who acts, when, and what it records. */
export class CommandTransaction {
  readonly events: NewCaseEvent[] = [];
  readonly messages: OutboxMessage[] = [];
  readonly auditRecords: AuditRecord[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
    readonly today: LegalDate,
  ) {}

  /** Records a happening: timeline event, outbox message and audit entry. */
  record(happening: Happening): void {
    const { aggregate, type, payload } = happening;
    const timeline =
      happening.timeline === undefined
        ? CASE_AGGREGATES[aggregate.type] !== undefined
          ? { caseType: CASE_AGGREGATES[aggregate.type], caseId: aggregate.id }
          : null
        : happening.timeline;
    if (timeline !== null && aggregate.agencyId !== null) {
      this.events.push({
        ...timeline,
        agencyId: aggregate.agencyId,
        // On the case's own timeline the event is `accepted`; a hearing's is `hearing_scheduled`.
        type: timeline.caseId === aggregate.id ? type.slice(type.indexOf('.') + 1) : snake(type),
        actor: this.actor,
        occurredOn: happening.occurredOn,
        payload,
      });
    }
    if (happening.message !== null) {
      this.messages.push({
        agencyId: aggregate.agencyId,
        topic: type,
        payload: happening.message ?? payload,
        aggregate: { type: aggregate.type, id: aggregate.id },
      });
    }
    if (happening.audit !== null) {
      this.audit({
        action: type,
        targetType: aggregate.type,
        targetId: aggregate.id,
        agencyId: aggregate.agencyId,
        summary: happening.audit ?? payload,
      });
    }
  }

  /** An audit entry alone (changes that are no domain event: users, keys, settings). */
  audit(record: AuditRecord): void {
    this.auditRecords.push(record);
  }

  /** An outbox message alone (a reminder due later). */
  notify(message: OutboxMessage): void {
    this.messages.push(message);
  }
}

/**
 * The one way a command changes data: one transaction with a lock timeout, in which the command
 * locks what it changes, decides with the pure domain, persists, and records what happened; the
 * runner then appends the timeline events, outbox messages and audit entries and commits. Lock
 * timeouts and deadlocks become 409 `busy`, known unique constraints their 409 problem.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: CaseEventRepository,
    private readonly outbox: OutboxRepository,
    private readonly auditTrail: AuditRepository,
  ) {}

  async run<T>(
    actor: Actor,
    work: (tx: CommandTransaction) => Promise<T>,
    options: CommandOptions = {},
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await setLockTimeout(manager);
        const now = this.clock.now();
        const tx = new CommandTransaction(manager, actor, now, this.clock.today());
        const result = await work(tx);
        await this.events.appendMany(manager, tx.events);
        await this.outbox.enqueueMany(manager, tx.messages);
        await this.auditTrail.appendMany(manager, actor, tx.auditRecords);
        return result;
      });
    } catch (error) {
      throw (await this.problemOf(error, options)) ?? error;
    }
  }

  private async problemOf(error: unknown, options: CommandOptions) {
    if (!(error instanceof QueryFailedError)) return null;
    const { code, constraint } = error.driverError as PostgresError;
    if (code === LOCK_NOT_AVAILABLE || code === DEADLOCK_DETECTED) {
      return conflictProblem(
        ProblemType.Busy,
        'Another command on this record is in progress; retry',
      );
    }
    if (code === UNIQUE_VIOLATION && constraint && UNIQUE_CONFLICTS[constraint]) {
      const { type, detail } = UNIQUE_CONFLICTS[constraint];
      return conflictProblem(type, detail);
    }
    if (code === EXCLUSION_VIOLATION && options.onExclusion) {
      return options.onExclusion(constraint);
    }
    return null;
  }
}

function snake(type: string): string {
  return type.replaceAll('.', '_');
}
