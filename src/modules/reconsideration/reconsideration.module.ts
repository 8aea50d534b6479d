import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseCommandsController } from './case-commands.controller';
import { ClosuresController } from './closures.controller';
import { ReconsiderationController } from './reconsideration.controller';
import { ReconsiderationService } from './reconsideration.service';

@Module({
  imports: [WorkflowModule],
  controllers: [ReconsiderationController, CaseCommandsController, ClosuresController],
  providers: [ReconsiderationService],
  exports: [ReconsiderationService],
})
export class ReconsiderationModule {}
