import { Body, Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { CASE_HANDLER_ROLES } from '../../common/auth/role';
import {
  CommandRoute,
  Target,
  type CommandTarget,
} from '../../common/http/command-route.decorator';
import {
  CreateRoute,
  IdParam,
  IfMatch,
  ListRoute,
  ReadRoute,
  TimelineRoute,
  UpdateRoute,
} from '../../common/http/routes.decorator';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { LitigationCommand } from '../../domain/litigation/litigation-case.types';
import { CaseEventListDto } from '../timeline/dto/case-event.dto';
import { CreateLitigationCaseDto, UpdateLitigationCaseDto } from './dto/create-litigation-case.dto';
import {
  AppealDto,
  CloseDto,
  JudicialRecommendationDto,
  RecordJudgmentDto,
  RecordServiceDto,
  SubmitDefenseDto,
} from './dto/litigation-commands.dto';
import {
  LitigationCaseDto,
  LitigationCasePageDto,
  LitigationCaseQueryDto,
  LitigationDeadlineDto,
} from './dto/litigation-case.dto';
import { LitigationCasesService } from './litigation-cases.service';
import { LitigationQueriesService } from './litigation-queries.service';

const d = (date: string) => date as LegalDate;

/** Lawsuits against the body's agencies (行政应诉): registration, reads and commands. */
@ApiTags('litigation-cases')
@Controller('litigation-cases')
export class LitigationController {
  constructor(
    private readonly cases: LitigationCasesService,
    private readonly queries: LitigationQueriesService,
  ) {}

  @CreateRoute(
    'Register a lawsuit (status pending); defendants derived from a linked reconsideration outcome (行政诉讼法 第二十六条第二款)',
    CASE_HANDLER_ROLES,
    [400, 404, 409, 422],
  )
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateLitigationCaseDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LitigationCaseDto> {
    const id = await this.cases.create(actor, body);
    response.setHeader('Location', `/api/v1/litigation-cases/${id}`);
    return this.queries.get(actor, id);
  }

  @ListRoute('List and search lawsuits, latest complaint first (ID numbers masked)')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: LitigationCaseQueryDto,
  ): Promise<LitigationCasePageDto> {
    return this.queries.list(actor, query);
  }

  @ReadRoute('Get a lawsuit with its defendants, judgment and deadlines')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LitigationCaseDto> {
    return this.queries.get(actor, id);
  }

  @UpdateRoute('Change descriptive fields (If-Match)', CASE_HANDLER_ROLES)
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateLitigationCaseDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<LitigationCaseDto> {
    await this.cases.update(actor, id, body, ifMatch);
    return this.queries.get(actor, id);
  }

  @ReadRoute(
    'The lawsuit’s deadlines in calendar days and those of its sessions, each explaining itself',
    undefined,
    ':id/deadlines',
  )
  deadlines(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LitigationDeadlineDto[]> {
    return this.queries.deadlinesOf(actor, id);
  }

  @TimelineRoute('The lawsuit')
  events(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseEventListDto> {
    return this.queries.events(actor, id);
  }

  private async run(target: CommandTarget, command: LitigationCommand) {
    await this.cases.execute(target.actor, target.id, command, target.ifMatch);
    return this.queries.get(target.actor, target.id);
  }

  @CommandRoute(
    'submit-defense',
    'Record the defence and evidence submitted (15 days from the complaint copy, 第六十七条; late evidence counts as none, 第三十四条)',
    CASE_HANDLER_ROLES,
  )
  submitDefense(@Target() target: CommandTarget, @Body() body: SubmitDefenseDto) {
    return this.run(target, { type: 'submit_defense', submittedOn: d(body.submittedOn) });
  }

  @CommandRoute(
    'record-judgment',
    'Record the judgment, ruling or mediation (result derived; appeal window from service, 第八十五条)',
    CASE_HANDLER_ROLES,
  )
  recordJudgment(@Target() target: CommandTarget, @Body() body: RecordJudgmentDto) {
    return this.run(target, {
      type: 'record_judgment',
      decidedOn: d(body.decidedOn),
      kind: body.kind,
      disposition: body.disposition,
      servedOn: body.servedOn ? d(body.servedOn) : undefined,
      partial: body.partial,
    });
  }

  @CommandRoute(
    'record-service',
    'Record service of the judgment on the agency: the appeal window starts (第八十五条)',
    CASE_HANDLER_ROLES,
  )
  recordService(@Target() target: CommandTarget, @Body() body: RecordServiceDto) {
    return this.run(target, { type: 'record_service', servedOn: d(body.servedOn) });
  }

  @CommandRoute(
    'appeal',
    'Record an appeal (上诉) by the agency, the plaintiff or both',
    CASE_HANDLER_ROLES,
  )
  appeal(@Target() target: CommandTarget, @Body() body: AppealDto) {
    return this.run(target, { type: 'appeal', appealedOn: d(body.appealedOn), by: body.by });
  }

  @CommandRoute(
    'close',
    'Close the instance (after an appeal, or once the appeal window has passed)',
    CASE_HANDLER_ROLES,
  )
  close(@Target() target: CommandTarget, @Body() body: CloseDto) {
    return this.run(target, { type: 'close', closedOn: d(body.closedOn) });
  }

  @CommandRoute(
    'record-judicial-recommendation',
    'Record a judicial recommendation received (司法建议, 负责人出庭应诉规定 第十二条)',
    CASE_HANDLER_ROLES,
  )
  recordJudicialRecommendation(
    @Target() target: CommandTarget,
    @Body() body: JudicialRecommendationDto,
  ) {
    return this.run(target, {
      type: 'record_judicial_recommendation',
      receivedOn: d(body.receivedOn),
      summary: body.summary,
    });
  }
}
