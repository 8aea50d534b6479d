import { Module } from '@nestjs/common';
import { HearingsRepository } from './hearings.repository';

/** Hearing storage, shared by the hearings module and the workflow (which frees hearings). */
@Module({ providers: [HearingsRepository], exports: [HearingsRepository] })
export class HearingsDataModule {}
