import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ReconsiderationModule } from '../reconsideration/reconsideration.module';
import { CourtSessionQueriesService } from './court-session-queries.service';
import { CourtSessionsController } from './court-sessions.controller';
import { CourtAppearancesService } from './court-appearances.service';
import { CourtSessionCommands } from './court-session-commands';
import { CourtSessionDeadlinePlanner } from './court-session-deadline-planner';
import { CourtSessionSchedulingService } from './court-session-scheduling.service';
import { CourtSessionRepository } from './court-session.repository';
import { LitigationCaseRepository } from './litigation-case.repository';
import { LitigationCasesService } from './litigation-cases.service';
import { LitigationCourtMessagesService } from './litigation-court-messages.service';
import { LitigationDeadlinePlanner } from './litigation-deadline-planner';
import { LitigationController } from './litigation.controller';
import { LitigationQueriesService } from './litigation-queries.service';
import { LitigationRegistrationService } from './litigation-registration.service';

/** Provided here and exported for the court liaison integration. */
const SERVICES = [
  LitigationCaseRepository,
  CourtSessionRepository,
  LitigationDeadlinePlanner,
  LitigationRegistrationService,
  LitigationCasesService,
  LitigationCourtMessagesService,
  LitigationQueriesService,
  CourtSessionCommands,
  CourtSessionDeadlinePlanner,
  CourtSessionSchedulingService,
  CourtAppearancesService,
  CourtSessionQueriesService,
];

/**
 * Litigation (行政应诉): cases per instance with their defendants and judgment, court sessions
 * and the responsible official's appearance. Its services are exported for the court liaison
 * integration.
 */
@Module({
  imports: [ReconsiderationModule, IdentityModule],
  controllers: [LitigationController, CourtSessionsController],
  providers: SERVICES,
  exports: SERVICES,
})
export class LitigationModule {}
