import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ClosuresController } from './closures.controller';
import { ReconsiderationController } from './reconsideration.controller';
import { ReconsiderationService } from './reconsideration.service';

@Module({
  imports: [WorkflowModule],
  controllers: [ReconsiderationController, ClosuresController],
  providers: [ReconsiderationService],
  exports: [ReconsiderationService],
})
export class ReconsiderationModule {}
