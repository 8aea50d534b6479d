import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { HearingsController } from './hearings.controller';
import { HearingsRepository } from './hearings.repository';
import { HearingsService } from './hearings.service';

@Module({
  imports: [WorkflowModule],
  controllers: [HearingsController],
  providers: [HearingsService, HearingsRepository],
})
export class HearingsModule {}
