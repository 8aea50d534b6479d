import { Module } from '@nestjs/common';
import { CourtSessionRepository } from './court-session.repository';
import { LitigationCaseRepository } from './litigation-case.repository';

/**
 * Litigation (行政应诉): cases per instance with their defendants and judgment, court sessions
 * and the responsible official's appearance. Its services are exported for the court liaison
 * integration.
 */
@Module({
  providers: [LitigationCaseRepository, CourtSessionRepository],
  exports: [LitigationCaseRepository, CourtSessionRepository],
})
export class LitigationModule {}
