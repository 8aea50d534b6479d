import { Module } from '@nestjs/common';
import { LitigationStatisticsRepository } from './litigation-statistics.repository';
import { StatisticsSnapshotRepository } from './statistics-snapshot.repository';
import { StatisticsController } from './statistics.controller';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/** Monthly and yearly statistics, their files and frozen months (issue 13). */
@Module({
  controllers: [StatisticsController],
  providers: [
    StatisticsRepository,
    LitigationStatisticsRepository,
    StatisticsSnapshotRepository,
    StatisticsService,
  ],
  exports: [StatisticsService],
})
export class StatisticsModule {}
