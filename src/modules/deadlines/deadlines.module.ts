import { Global, Module } from '@nestjs/common';
import { DeadlinesController } from './deadlines.controller';
import { DeadlinesService } from './deadlines.service';
import { WorklistService } from './worklist.service';

@Global()
@Module({
  controllers: [DeadlinesController],
  providers: [DeadlinesService, WorklistService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}
