import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ReconsiderationModule } from '../reconsideration/reconsideration.module';
import { HearingCommandsService } from './hearing-commands.service';
import { HearingQueriesService } from './hearing-queries.service';
import { HearingsController } from './hearings.controller';
import { HearingsDataModule } from './hearings-data.module';

@Module({
  imports: [ReconsiderationModule, IdentityModule, HearingsDataModule],
  controllers: [HearingsController],
  providers: [HearingCommandsService, HearingQueriesService],
})
export class HearingsModule {}
