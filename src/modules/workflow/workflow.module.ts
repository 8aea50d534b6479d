import { Module } from '@nestjs/common';
import { HearingsDataModule } from '../hearings/hearings-data.module';
import { SweepController } from './sweep.controller';
import { SweepScheduler } from './sweep.scheduler';
import { SweepService } from './sweep.service';
import { WorkflowService } from './workflow.service';

@Module({
  imports: [HearingsDataModule],
  controllers: [SweepController],
  providers: [WorkflowService, SweepService, SweepScheduler],
  exports: [WorkflowService],
})
export class WorkflowModule {}
