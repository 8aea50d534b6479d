import { Injectable } from '@nestjs/common';
import { DeadlinePlanService } from '../deadlines/deadline-plan.service';
import type { LegalCalendar } from '../../domain/calendar/legal-calendar.model';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import {
  checkAppearanceNotice,
  planSessionDeadlines,
} from '../../domain/litigation/court-session-deadlines.rule';
import { CalendarService } from '../calendar/calendar.service';
import type { CommandTransaction } from '../commands/command-runner';
import type { CourtSessionEntity } from './court-session.entity';
import { CourtSessionRepository } from './court-session.repository';

/** Re-plans a court session's deadlines from its current facts, inside the command's transaction. */
@Injectable()
export class CourtSessionDeadlinePlanner {
  constructor(
    private readonly sessions: CourtSessionRepository,
    private readonly calendars: CalendarService,
    private readonly deadlinePlans: DeadlinePlanService,
  ) {}

  /**
   * The session's deadlines: identity_proof (第六条; met when every defendant's plan naming who
   * appears records the proof filed), appearance_notice (第五条, judged at once: met, or
   * overdue for a short notice — the court's act, flagged).
   */
  async replanIn(
    tx: CommandTransaction,
    session: CourtSessionEntity,
    known: LegalCalendar | null,
  ): Promise<void> {
    const calendar = known ?? (await this.calendars.currentIn(tx.manager));
    const rows = await this.sessions.appearancesOf([session.id], tx.manager);
    const named = rows.filter((row) => row.planned && (row.planOfficial || row.planStaff));
    const filed = named.map((row) => row.identityProofFiledOn);
    const identityProofFiledOn =
      named.length > 0 && filed.every((on) => on !== null)
        ? ([...filed].sort().at(-1) as LegalDate)
        : null;
    const ref = {
      caseType: 'court_session' as const,
      caseId: session.id,
      agencyId: session.agencyId,
    };
    await this.deadlinePlans.apply(
      tx.manager,
      ref,
      planSessionDeadlines({
        status: session.status,
        sessionOn: session.sessionOn,
        identityProofFiledOn,
      }),
      calendar,
    );
    const notice = checkAppearanceNotice(calendar, {
      noticeReceivedOn: session.noticeReceivedOn,
      sessionOn: session.sessionOn,
    });
    const done = [{ kind: notice.input.kind, on: session.sessionOn, input: notice.input }];
    await this.deadlinePlans.apply(
      tx.manager,
      ref,
      {
        open: [],
        met: notice.shortNotice ? [] : done,
        late: notice.shortNotice ? done : [],
        cancelled: [],
        awaiting: [],
      },
      calendar,
    );
  }
}
