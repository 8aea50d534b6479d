import { Module } from '@nestjs/common';
import { HearingsDataModule } from '../hearings/hearings-data.module';
import { IdentityModule } from '../identity/identity.module';
import { CaseCommandsController } from './case-commands.controller';
import { CaseFactsService } from './case-facts.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseNumberingService } from './case-numbering.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkflowService } from './case-workflow.service';
import { ClosuresController } from './closures.controller';
import { NumberSequenceRepository } from './number-sequence.repository';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';
import { ReconsiderationController } from './reconsideration.controller';

@Module({
  imports: [IdentityModule, HearingsDataModule],
  controllers: [ReconsiderationController, CaseCommandsController, ClosuresController],
  providers: [
    ReconsiderationCaseRepository,
    NumberSequenceRepository,
    CaseNumberingService,
    CaseIntakeService,
    CaseQueriesService,
    CaseWorkflowService,
    CaseFactsService,
  ],
  exports: [ReconsiderationCaseRepository, CaseWorkflowService],
})
export class ReconsiderationModule {}
