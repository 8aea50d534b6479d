import type { EntityManager } from 'typeorm';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import { planDeadlines } from '../../domain/reconsideration/plan-deadlines.rule';
import type { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import { toCaseFacts } from './case.mapper';
import type { ReconsiderationCaseEntity } from './reconsideration-case.entity';

/**
 * Re-plans a reconsideration case's deadlines from its current facts, inside the command's
 * transaction, and sets its decision due date when the new plan has one. The caller saves the case.
 */
export async function replanCaseDeadlines(
  deadlinePlans: DeadlinePlanService,
  manager: EntityManager,
  entity: ReconsiderationCaseEntity,
  calendar: LegalCalendar,
): Promise<void> {
  const ref = {
    caseType: 'reconsideration' as const,
    caseId: entity.id,
    agencyId: entity.agencyId,
  };
  const plan = planDeadlines(toCaseFacts(entity), calendar);
  const dueDates = await deadlinePlans.apply(manager, ref, plan, calendar);
  if (dueDates.has('decision')) {
    entity.decisionDueOn = (dueDates.get('decision') ?? null) as LegalDate | null;
  }
}
