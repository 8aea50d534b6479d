import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE, type Role } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ListRoute } from '../../common/http/routes.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { validationProblem } from '../../common/problem/problem';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CourtSessionDto } from '../litigation/dto/court-session.dto';
import { LitigationCaseDto } from '../litigation/dto/litigation-case.dto';
import { CourtLiaisonService } from './court-liaison.service';
import {
  CourtFilingDto,
  CourtJudgmentDto,
  CourtSessionNoticeDto,
  ReconciliationDto,
  ReconciliationQueryDto,
} from './dto/court.dto';
import { CourtExchange, ExchangeLogInterceptor } from './exchange-log.interceptor';

const COURT: readonly Role[] = ['court_liaison'];

/** 案号 in a path: decoded by the router; checked in full by the litigation domain. */
function courtCaseNumberOf(value: string): string {
  if (value.length === 0 || value.length > 64) {
    throw validationProblem([
      {
        field: 'courtCaseNumber',
        message: 'courtCaseNumber must be a 案号 like (2024)赣0281行初12号',
      },
    ]);
  }
  return value;
}

const CASE_NUMBER_PARAM = ApiParam({
  name: 'courtCaseNumber',
  description: 'The 案号, URL-encoded, e.g. `(2024)赣0281行初12号` (full-width brackets too)',
});

/**
 * The court liaison integration (府院联动): the court's system writes filings and judgments
 * keyed by its own identifiers, with an Idempotency-Key on every write; each is logged for the
 * daily reconciliation.
 */
@ApiTags('court-liaison')
@Controller('integrations')
@UseInterceptors(ExchangeLogInterceptor)
export class CourtLiaisonController {
  constructor(private readonly court: CourtLiaisonService) {}

  @Put('court/cases/:courtCaseNumber')
  @Roles(...COURT)
  @ApiOperation({
    summary:
      'The court’s view of a filing: creates the litigation case with this 案号 (201) or updates it (200); defendants named by agency code',
  })
  @CASE_NUMBER_PARAM
  @ApiCreatedResponse({ type: LitigationCaseDto, description: 'Created' })
  @ApiOkResponse({ type: LitigationCaseDto, description: 'Updated' })
  @ProblemResponses(400, 404, 422)
  @Idempotent()
  @CourtExchange({ operation: 'court_case.put', param: 'courtCaseNumber' })
  async putCase(
    @CurrentActor() actor: Actor,
    @Param('courtCaseNumber') courtCaseNumber: string,
    @Body() body: CourtFilingDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LitigationCaseDto> {
    const { created, view } = await this.court.putCase(
      actor,
      courtCaseNumberOf(courtCaseNumber),
      body,
    );
    response.status(created ? 201 : 200);
    if (created) response.setHeader('Location', `/api/v1/litigation-cases/${view.id}`);
    return view;
  }

  @Post('court/cases/:courtCaseNumber/sessions')
  @Roles(...COURT)
  @ApiOperation({
    summary:
      'A session notice keyed by the court’s session id: creates the session (201), or reschedules it when its time, room, summons or notice changed (200)',
  })
  @CASE_NUMBER_PARAM
  @ApiCreatedResponse({ type: CourtSessionDto, description: 'Scheduled' })
  @ApiOkResponse({ type: CourtSessionDto, description: 'Rescheduled or unchanged' })
  @ProblemResponses(400, 404, 422)
  @Idempotent()
  @CourtExchange({ operation: 'court_session.post', bodyField: 'courtSessionId' })
  async postSession(
    @CurrentActor() actor: Actor,
    @Param('courtCaseNumber') courtCaseNumber: string,
    @Body() body: CourtSessionNoticeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CourtSessionDto> {
    const { created, view } = await this.court.postSession(
      actor,
      courtCaseNumberOf(courtCaseNumber),
      body,
    );
    response.status(created ? 201 : 200);
    return view;
  }

  @Get('court/sessions/:courtSessionId/appearance')
  @Roles(...COURT)
  @ApiOperation({
    summary:
      'The appearance plan the court needs before the session: who appears for each defendant, identity proof, absence reasons',
  })
  @ApiOkResponse({ type: CourtSessionDto })
  @ProblemResponses(400, 404)
  appearance(
    @CurrentActor() actor: Actor,
    @Param('courtSessionId') courtSessionId: string,
  ): Promise<CourtSessionDto> {
    if (!/^[A-Za-z0-9._:-]{1,100}$/.test(courtSessionId)) {
      throw validationProblem([
        {
          field: 'courtSessionId',
          message: 'courtSessionId must be 1–100 letters, digits or ._:-',
        },
      ]);
    }
    return this.court.appearanceOf(actor, courtSessionId);
  }

  @Post('court/cases/:courtCaseNumber/judgments')
  @Roles(...COURT)
  @ApiOperation({
    summary:
      'A judgment keyed by the court’s document id: recorded once (201); a repeat changes nothing (200), adding only a missing service date',
  })
  @CASE_NUMBER_PARAM
  @ApiCreatedResponse({ type: LitigationCaseDto, description: 'Recorded' })
  @ApiOkResponse({ type: LitigationCaseDto, description: 'Already recorded' })
  @ProblemResponses(400, 404, 422)
  @Idempotent()
  @CourtExchange({ operation: 'court_judgment.post', bodyField: 'courtDocumentId' })
  async postJudgment(
    @CurrentActor() actor: Actor,
    @Param('courtCaseNumber') courtCaseNumber: string,
    @Body() body: CourtJudgmentDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LitigationCaseDto> {
    const { created, view } = await this.court.postJudgment(
      actor,
      courtCaseNumberOf(courtCaseNumber),
      body,
    );
    response.status(created ? 201 : 200);
    return view;
  }

  @ListRoute(
    'What was received from and sent to the court on a China Standard Time day, for both sides to compare',
    [...COURT, ...ANY_USER_ROLE],
    'reconciliation',
  )
  reconciliation(
    @CurrentActor() actor: Actor,
    @Query() query: ReconciliationQueryDto,
  ): Promise<ReconciliationDto> {
    return this.court.reconciliation(actor, query.date);
  }
}
