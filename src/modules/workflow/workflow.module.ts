import { Module } from '@nestjs/common';
import { ReconsiderationModule } from '../reconsideration/reconsideration.module';
import { SweepController } from './sweep.controller';
import { SweepLockRepository } from './sweep.repository';
import { SweepScheduler } from './sweep.scheduler';
import { SweepService } from './sweep.service';

/** The deadline sweep: on a schedule and on demand. */
@Module({
  imports: [ReconsiderationModule],
  controllers: [SweepController],
  providers: [SweepLockRepository, SweepService, SweepScheduler],
})
export class WorkflowModule {}
