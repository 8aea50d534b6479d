import { Module } from '@nestjs/common';
import { ReconsiderationModule } from '../reconsideration/reconsideration.module';
import { CourtSessionRepository } from './court-session.repository';
import { LitigationCaseRepository } from './litigation-case.repository';
import { LitigationCasesService } from './litigation-cases.service';
import { LitigationController } from './litigation.controller';
import { LitigationQueriesService } from './litigation-queries.service';

/**
 * Litigation (行政应诉): cases per instance with their defendants and judgment, court sessions
 * and the responsible official's appearance. Its services are exported for the court liaison
 * integration.
 */
@Module({
  imports: [ReconsiderationModule],
  controllers: [LitigationController],
  providers: [
    LitigationCaseRepository,
    CourtSessionRepository,
    LitigationCasesService,
    LitigationQueriesService,
  ],
  exports: [
    LitigationCaseRepository,
    CourtSessionRepository,
    LitigationCasesService,
    LitigationQueriesService,
  ],
})
export class LitigationModule {}
