import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { setETag } from '../../common/http/etag';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { CaseEventListDto } from '../timeline/dto/case-event.dto';
import { CaseDeadlineDto, CaseDto, CasePageDto, CaseQueryDto } from './dto/case.dto';
import { ClosureDto } from './dto/closure.dto';
import { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto';
import { CASE_HANDLERS } from './case-command.decorators';
import { ReconsiderationService } from './reconsideration.service';

/** Intake and reads of reconsideration cases (行政复议案件); commands: CaseCommandsController. */
@ApiTags('reconsideration-cases')
@Controller('reconsideration-cases')
export class ReconsiderationController {
  constructor(private readonly cases: ReconsiderationService) {}

  @Post()
  @Roles('head', 'clerk')
  @ApiOperation({ summary: 'Register an application (status received, receipt number assigned)' })
  @ProblemResponses(400, 404)
  create(@CurrentActor() actor: Actor, @Body() body: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(actor, body);
  }

  @Get()
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'List and search cases, newest receipt first (ID numbers masked)' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: CaseQueryDto): Promise<CasePageDto> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'Get a case with its deadlines' })
  @ProblemResponses(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDto> {
    const view = await this.cases.get(actor, id);
    setETag(response, view.version);
    return view;
  }

  @Patch(':id')
  @Roles(...CASE_HANDLERS)
  @ApiOperation({ summary: 'Change non-workflow fields (If-Match)' })
  @ProblemResponses(400, 404, 409, 412)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseDto> {
    const view = await this.cases.update(actor, id, body, ifMatch);
    setETag(response, view.version);
    return view;
  }

  @Get(':id/deadlines')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'The case’s statutory deadlines, each explaining itself' })
  @ProblemResponses(400, 404)
  deadlines(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CaseDeadlineDto[]> {
    return this.cases.deadlinesOf(actor, id);
  }

  @Get(':id/events')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'The case’s timeline, oldest first' })
  @ProblemResponses(400, 404)
  events(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CaseEventListDto> {
    return this.cases.events(actor, id);
  }

  @Get(':id/closure')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'How the case ended: outcome, service, litigation window, archive' })
  @ProblemResponses(400, 404)
  closure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ClosureDto> {
    return this.cases.closure(actor, id);
  }
}
