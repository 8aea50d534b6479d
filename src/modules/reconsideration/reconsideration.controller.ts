import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { CASE_HANDLER_ROLES } from '../../common/auth/role';
import {
  CreateRoute,
  IdParam,
  IfMatch,
  ListRoute,
  ReadRoute,
  TimelineRoute,
  UpdateRoute,
} from '../../common/http/routes.decorator';
import { CaseEventListDto } from '../timeline/dto/case-event.dto';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseDeadlineDto, CaseDto, CasePageDto, CaseQueryDto } from './dto/case.dto';
import { ClosureDto } from './dto/closure.dto';
import { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto';

/** Intake and reads of reconsideration cases (行政复议案件); commands: CaseCommandsController. */
@ApiTags('reconsideration-cases')
@Controller('reconsideration-cases')
export class ReconsiderationController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly cases: CaseQueriesService,
  ) {}

  @CreateRoute('Register an application (status received, receipt number assigned)', [
    'head',
    'clerk',
  ])
  create(@CurrentActor() actor: Actor, @Body() body: CreateCaseDto): Promise<CaseDto> {
    return this.intake.create(actor, body);
  }

  @ListRoute('List and search cases, newest receipt first (ID numbers masked)')
  list(@CurrentActor() actor: Actor, @Query() query: CaseQueryDto): Promise<CasePageDto> {
    return this.cases.list(actor, query);
  }

  @ReadRoute('Get a case with its deadlines')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseDto> {
    return this.cases.get(actor, id);
  }

  @UpdateRoute('Change non-workflow fields (If-Match)', CASE_HANDLER_ROLES)
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateCaseDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<CaseDto> {
    return this.intake.update(actor, id, body, ifMatch);
  }

  @ReadRoute('The case’s statutory deadlines, each explaining itself', undefined, ':id/deadlines')
  deadlines(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseDeadlineDto[]> {
    return this.cases.deadlinesOf(actor, id);
  }

  @TimelineRoute('The case')
  events(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseEventListDto> {
    return this.cases.events(actor, id);
  }

  @ReadRoute(
    'How the case ended: outcome, service, litigation window, archive',
    undefined,
    ':id/closure',
  )
  closure(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClosureDto> {
    return this.cases.closure(actor, id);
  }
}
