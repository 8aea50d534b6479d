import { Injectable } from '@nestjs/common';
import type { JudgmentFacts } from '../../domain/litigation/litigation-case.types';
import { planLitigationDeadlines } from '../../domain/litigation/plan-litigation-deadlines.rule';
import { CalendarService } from '../calendar/calendar.service';
import type { CommandTransaction } from '../commands/command-runner';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import type { LitigationCaseEntity } from './litigation-case.entity';
import { toLitigationFacts } from './litigation.mapper';

/** Re-plans a lawsuit's deadlines from its current facts, inside the command's transaction. */
@Injectable()
export class LitigationDeadlinePlanner {
  constructor(
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
  ) {}

  /** Stores the deadlines the case's facts imply (calendar days, 行政诉讼法 第一百零一条). */
  async replanIn(
    tx: CommandTransaction,
    entity: LitigationCaseEntity,
    judgment: JudgmentFacts | null,
  ): Promise<void> {
    const calendar = await this.calendars.currentIn(tx.manager);
    const facts = { ...toLitigationFacts(entity, null), judgment };
    await this.deadlinePlans.apply(
      tx.manager,
      { caseType: 'litigation', caseId: entity.id, agencyId: entity.agencyId },
      planLitigationDeadlines(facts),
      calendar,
    );
  }
}
