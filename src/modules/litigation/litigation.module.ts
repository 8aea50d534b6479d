import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ReconsiderationModule } from '../reconsideration/reconsideration.module';
import { CourtSessionQueriesService } from './court-session-queries.service';
import { CourtSessionsController } from './court-sessions.controller';
import { CourtSessionsService } from './court-sessions.service';
import { CourtSessionRepository } from './court-session.repository';
import { LitigationCaseRepository } from './litigation-case.repository';
import { LitigationCasesService } from './litigation-cases.service';
import { LitigationController } from './litigation.controller';
import { LitigationQueriesService } from './litigation-queries.service';

/** Provided here and exported for the court liaison integration. */
const SERVICES = [
  LitigationCaseRepository,
  CourtSessionRepository,
  LitigationCasesService,
  LitigationQueriesService,
  CourtSessionsService,
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
