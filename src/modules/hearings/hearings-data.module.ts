import { Module } from '@nestjs/common';
import { HearingRepository } from './hearing.repository';

/** Hearing storage, shared by the hearings module and the case workflow (which frees hearings). */
@Module({ providers: [HearingRepository], exports: [HearingRepository] })
export class HearingsDataModule {}
