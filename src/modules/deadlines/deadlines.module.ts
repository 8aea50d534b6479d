import { Global, Module } from '@nestjs/common';
import { DeadlinePlanService } from './deadline-plan.service';
import { DeadlineRepository } from './deadline.repository';
import { DeadlinesController } from './deadlines.controller';
import { WorklistRepository } from './worklist.repository';
import { WorklistService } from './worklist.service';

@Global()
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlineRepository, DeadlinePlanService, WorklistRepository, WorklistService],
  exports: [DeadlineRepository, DeadlinePlanService],
})
export class DeadlinesModule {}
