import { Global, Module } from '@nestjs/common';
import { DeadlinePlanService } from './deadline-plan.service';
import { DeadlineRepository } from './deadline.repository';
import { DeadlinesController } from './deadlines.controller';
import { WorklistService } from './worklist.service';

@Global()
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlineRepository, DeadlinePlanService, WorklistService],
  exports: [DeadlineRepository, DeadlinePlanService],
})
export class DeadlinesModule {}
