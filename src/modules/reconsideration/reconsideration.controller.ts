import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
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
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import { CaseEventListDto } from '../timeline/dto/case-event.dto';
import type { CommandExtras } from '../workflow/workflow.service';
import {
  AcceptDto,
  ApprovedOnDto,
  ArchivedOnDto,
  AssignDto,
  ConcludeDto,
  ExtendDto,
  OpinionHeardDto,
  ReasonDto,
  ReceivedOnDto,
  RejectDto,
  RequestCorrectionDto,
  ResumeDto,
  SendCopyDto,
  ServedOnDto,
  SuspendDto,
} from './dto/case-commands.dto';
import { CaseDeadlineDto, CaseDto, CasePageDto, CaseQueryDto } from './dto/case.dto';
import { ClosureDto } from './dto/closure.dto';
import { CreateCaseDto, UpdateCaseDto } from './dto/create-case.dto';
import { ReconsiderationService } from './reconsideration.service';

const HANDLERS = ['admin', 'head', 'clerk'] as const;
const d = (date: string) => date as LegalDate;

/** Intake, reads and the workflow commands of reconsideration cases (行政复议案件). */
@ApiTags('reconsideration-cases')
@Controller('reconsideration-cases')
export class ReconsiderationController {
  constructor(private readonly cases: ReconsiderationService) {}

  private async run(
    response: Response,
    actor: Actor,
    id: string,
    command: CaseCommand,
    ifMatch: string | undefined,
    extras?: CommandExtras,
  ): Promise<CaseDto> {
    const view = await this.cases.runCommand(actor, id, command, extras, ifMatch);
    setETag(response, view.version);
    return view;
  }

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
  @Roles(...HANDLERS)
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

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('head', 'clerk')
  @ApiOperation({ summary: 'Assign the case handler' })
  @ProblemResponses(400, 404, 409, 412)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(response, actor, id, { type: 'assign', handlerId: body.handlerId }, ifMatch);
  }

  @Post(':id/request-correction')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Ask for corrected materials, listing every item at once (第三十一条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  requestCorrection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestCorrectionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'request_correction', noticeOn: d(body.noticeOn), items: body.items },
      ifMatch,
    );
  }

  @Post(':id/record-correction-notice-served')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Record when the applicant received the correction notice' })
  @ProblemResponses(400, 404, 409, 412, 422)
  recordCorrectionNoticeServed(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ServedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'record_correction_notice_served', servedOn: d(body.servedOn) },
      ifMatch,
    );
  }

  @Post(':id/receive-correction')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Receive corrected materials; acceptance review restarts' })
  @ProblemResponses(400, 404, 409, 412, 422)
  receiveCorrection(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReceivedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'receive_correction', receivedOn: d(body.receivedOn) },
      ifMatch,
    );
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Accept the application (case number assigned)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcceptDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'accept', acceptedOn: d(body.acceptedOn), procedure: body.procedure },
      ifMatch,
      { caseNumber: body.caseNumber },
    );
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Decide not to accept (不予受理), with the reason' })
  @ProblemResponses(400, 404, 409, 412, 422)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      {
        type: 'reject',
        rejectedOn: d(body.rejectedOn),
        reason: body.reason,
        competentBody: body.competentBody,
      },
      ifMatch,
      { rejection: { reason: body.reason, competentBody: body.competentBody ?? null } },
    );
  }

  @Post(':id/send-copy')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Send the application copy to the respondent (第四十八条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  sendCopy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SendCopyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      {
        type: 'send_copy',
        sentOn: d(body.sentOn),
        respondentReceivedOn: body.respondentReceivedOn ? d(body.respondentReceivedOn) : undefined,
      },
      ifMatch,
    );
  }

  @Post(':id/record-reply')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Record the respondent’s reply (第四十八条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  recordReply(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReceivedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'record_reply', receivedOn: d(body.receivedOn) },
      ifMatch,
    );
  }

  @Post(':id/record-opinion-heard')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Record that the parties’ opinions were heard (第四十九条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  recordOpinionHeard(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OpinionHeardDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'record_opinion_heard', heardOn: d(body.heardOn), how: body.how },
      ifMatch,
      { opinionHeardHow: body.how },
    );
  }

  @Post(':id/record-written-review')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Record why opinions could not be heard: written review (第四十九条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  recordWrittenReview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'record_written_review', reason: body.reason },
      ifMatch,
    );
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Suspend the review (中止, 第三十九条): the decision clock stops' })
  @ProblemResponses(400, 404, 409, 412, 422)
  suspend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SuspendDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'suspend', suspendedOn: d(body.suspendedOn), ground: body.ground },
      ifMatch,
    );
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Resume a suspended review: the decision clock restarts' })
  @ProblemResponses(400, 404, 409, 412, 422)
  resume(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResumeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(response, actor, id, { type: 'resume', resumedOn: d(body.resumedOn) }, ifMatch);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({
    summary: 'Extend the decision period once, by at most 30 days (head, 第六十二条)',
  })
  @ProblemResponses(400, 404, 409, 412, 422)
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExtendDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'extend', approvedOn: d(body.approvedOn), days: body.days, reason: body.reason },
      ifMatch,
    );
  }

  @Post(':id/switch-procedure')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: 'Switch a simplified case to ordinary procedure (head, 第五十五条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  switchProcedure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ApprovedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'switch_procedure', approvedOn: d(body.approvedOn) },
      ifMatch,
    );
  }

  @Post(':id/conclude')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Conclude the case with its outcome' })
  @ProblemResponses(400, 404, 409, 412, 422)
  conclude(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ConcludeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      {
        type: 'conclude',
        concludedOn: d(body.concludedOn),
        outcome: body.outcome,
        terminationReason: body.terminationReason,
        decisionNumber: body.decisionNumber,
        lateReason: body.lateReason,
      },
      ifMatch,
    );
  }

  @Post(':id/serve')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Record service of the decision (starts the 15-day window to sue)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  serve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ServedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(response, actor, id, { type: 'serve', servedOn: d(body.servedOn) }, ifMatch);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Archive a served case' })
  @ProblemResponses(400, 404, 409, 412, 422)
  archive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ArchivedOnDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(
      response,
      actor,
      id,
      { type: 'archive', archivedOn: d(body.archivedOn) },
      ifMatch,
    );
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('head')
  @ApiOperation({ summary: 'Send a conclusion recorded by mistake back to review (head)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.run(response, actor, id, { type: 'reopen', reason: body.reason }, ifMatch);
  }
}
