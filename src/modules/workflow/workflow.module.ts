import { Module } from '@nestjs/common';
import { SweepController } from './sweep.controller';
import { SweepScheduler } from './sweep.scheduler';
import { SweepService } from './sweep.service';
import { WorkflowService } from './workflow.service';

@Module({
  controllers: [SweepController],
  providers: [WorkflowService, SweepService, SweepScheduler],
  exports: [WorkflowService],
})
export class WorkflowModule {}
