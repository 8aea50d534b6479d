import { Global, Module } from '@nestjs/common';
import { CommandRunner } from './command-runner';

/** The command runner, for every module. */
@Global()
@Module({ providers: [CommandRunner], exports: [CommandRunner] })
export class CommandsModule {}
