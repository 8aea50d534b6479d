import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { HearingsController } from './hearings.controller';
import { HearingsDataModule } from './hearings-data.module';
import { HearingsService } from './hearings.service';

@Module({
  imports: [WorkflowModule, HearingsDataModule],
  controllers: [HearingsController],
  providers: [HearingsService],
})
export class HearingsModule {}
