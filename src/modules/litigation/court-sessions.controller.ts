import { Body, Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { CASE_HANDLER_ROLES } from '../../common/auth/role';
import {
  CommandRoute,
  ReplacePartRoute,
  Target,
  type CommandTarget,
} from '../../common/http/command-route.decorator';
import {
  CalendarFeedRoute,
  CreateRoute,
  IdParam,
  ListRoute,
  ReadRoute,
} from '../../common/http/routes.decorator';
import { CourtSessionQueriesService } from './court-session-queries.service';
import { CourtAppearancesService } from './court-appearances.service';
import { CourtSessionSchedulingService } from './court-session-scheduling.service';
import {
  AppearancePlanDto,
  AppearanceQueryDto,
  AppearanceRateQueryDto,
  AppearanceRatesDto,
  AppearanceRecordDto,
  CancelCourtSessionDto,
  CourtSessionDto,
  CourtSessionFeedQueryDto,
  CourtSessionPageDto,
  CourtSessionQueryDto,
  RescheduleCourtSessionDto,
  ScheduleCourtSessionDto,
} from './dto/court-session.dto';

/** Court sessions (开庭) of lawsuits and the responsible official's appearance (负责人出庭应诉). */
@ApiTags('court-sessions')
@Controller()
export class CourtSessionsController {
  constructor(
    private readonly sessions: CourtSessionSchedulingService,
    private readonly appearanceCommands: CourtAppearancesService,
    private readonly queries: CourtSessionQueriesService,
  ) {}

  @CreateRoute(
    'Schedule a court session of a lawsuit (the court’s notice ≥ 3 days ahead, 法释〔2020〕3号 第五条: shorter notice is flagged, never refused)',
    CASE_HANDLER_ROLES,
    [400, 404, 409, 422],
    'litigation-cases/:id/sessions',
  )
  async schedule(
    @CurrentActor() actor: Actor,
    @IdParam() caseId: string,
    @Body() body: ScheduleCourtSessionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CourtSessionDto> {
    const id = await this.sessions.schedule(actor, caseId, body);
    response.setHeader('Location', `/api/v1/court-sessions/${id}`);
    return this.queries.get(actor, id);
  }

  @ListRoute('List the body’s court sessions in start order', undefined, 'court-sessions')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CourtSessionQueryDto,
  ): Promise<CourtSessionPageDto> {
    return this.queries.list(actor, query);
  }

  @CalendarFeedRoute(
    'court-sessions.ics',
    'The body’s court sessions as an iCalendar feed (RFC 5545)',
    'VCALENDAR with one VEVENT per session (UID `court-session-<id>@fuyi`)',
  )
  feed(@CurrentActor() actor: Actor, @Query() query: CourtSessionFeedQueryDto): Promise<string> {
    return this.queries.feed(actor, query);
  }

  @ReadRoute(
    'Get a court session with each defendant’s appearance plan, plan issues and record',
    undefined,
    'court-sessions/:id',
  )
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CourtSessionDto> {
    return this.queries.get(actor, id);
  }

  @CommandRoute(
    'court-sessions/:id/reschedule',
    'Move a scheduled session, with the new notice date (short notice flagged)',
    CASE_HANDLER_ROLES,
    'The court session',
  )
  async reschedule(@Target() target: CommandTarget, @Body() body: RescheduleCourtSessionDto) {
    await this.sessions.reschedule(target.actor, target.id, body, target.ifMatch);
    return this.answer(target);
  }

  @CommandRoute(
    'court-sessions/:id/cancel',
    'Cancel a scheduled session',
    CASE_HANDLER_ROLES,
    'The court session',
  )
  async cancel(@Target() target: CommandTarget, @Body() body: CancelCourtSessionDto) {
    await this.sessions.cancel(target.actor, target.id, body.reason, target.ifMatch);
    return this.answer(target);
  }

  @ReplacePartRoute(
    'court-sessions/:id/appearance-plan',
    'Plan who appears for a defendant: the official (第二条) and identity proof (第六条), or the reason (第八条), its sealed proof (第九条) and the staff member (第十条)',
    CASE_HANDLER_ROLES,
    'The court session',
    'The session’s ETag',
  )
  async plan(
    @Target() target: CommandTarget,
    @Body() body: AppearancePlanDto,
  ): Promise<CourtSessionDto> {
    const agencyId = await this.appearanceCommands.putPlan(
      target.actor,
      target.id,
      body,
      target.ifMatch,
    );
    return this.queries.get(target.actor, target.id, agencyId);
  }

  @ReplacePartRoute(
    'court-sessions/:id/appearance',
    'Record who appeared for a defendant: always accepted when well formed, and classified (法释〔2020〕3号; 行诉解释 第一百二十八条)',
    CASE_HANDLER_ROLES,
    'The court session',
    'The session’s ETag',
  )
  async record(
    @Target() target: CommandTarget,
    @Body() body: AppearanceRecordDto,
  ): Promise<CourtSessionDto> {
    const agencyId = await this.appearanceCommands.putRecord(
      target.actor,
      target.id,
      body,
      target.ifMatch,
    );
    return this.queries.get(target.actor, target.id, agencyId);
  }

  @ListRoute(
    'Sessions held in the period with each defendant’s appearance record, latest first',
    undefined,
    'court-appearances',
  )
  appearances(
    @CurrentActor() actor: Actor,
    @Query() query: AppearanceQueryDto,
  ): Promise<CourtSessionPageDto> {
    return this.queries.appearances(actor, query);
  }

  @ListRoute(
    'The responsible officials’ appearance rate (负责人出庭应诉率): the variants side by side, each with numerator and denominator',
    undefined,
    'court-appearances/rate',
  )
  rate(
    @CurrentActor() actor: Actor,
    @Query() query: AppearanceRateQueryDto,
  ): Promise<AppearanceRatesDto> {
    return this.queries.rates(actor, query);
  }

  /** A command answers the session as it now stands. */
  private answer(target: CommandTarget): Promise<CourtSessionDto> {
    return this.queries.get(target.actor, target.id);
  }
}
