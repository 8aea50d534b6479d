import { Global, Module } from '@nestjs/common';
import { CaseEventRepository } from './case-event.repository';

@Global()
@Module({ providers: [CaseEventRepository], exports: [CaseEventRepository] })
export class TimelineModule {}
