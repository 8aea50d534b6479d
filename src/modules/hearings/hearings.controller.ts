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
  CalendarFeedRoute,
  CreateRoute,
  IdParam,
  ListRoute,
  ReadRoute,
} from '../../common/http/routes.decorator';
import {
  CancelHearingDto,
  RecordHearingDto,
  RescheduleHearingDto,
} from './dto/hearing-commands.dto';
import {
  HearingDto,
  HearingFeedQueryDto,
  HearingPageDto,
  HearingQueryDto,
} from './dto/hearing.dto';
import { ScheduleHearingDto } from './dto/schedule-hearing.dto';
import { HearingCommandsService } from './hearing-commands.service';
import { HearingQueriesService } from './hearing-queries.service';

/** Hearings (听证, 第五十条) and hearings of opinions (听取意见, 第四十九条) of reconsideration cases. */
@ApiTags('hearings')
@Controller()
export class HearingsController {
  constructor(
    private readonly commands: HearingCommandsService,
    private readonly queries: HearingQueriesService,
  ) {}

  @CreateRoute(
    'Schedule a hearing on a case under review: written notice ≥ 5 working days ahead (第五十一条), panel of 第五十条, no double booking',
    CASE_HANDLER_ROLES,
    [400, 404, 409, 422],
    'reconsideration-cases/:id/hearings',
  )
  async schedule(
    @CurrentActor() actor: Actor,
    @IdParam() caseId: string,
    @Body() body: ScheduleHearingDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const id = await this.commands.schedule(actor, caseId, body);
    response.setHeader('Location', `/api/v1/hearings/${id}`);
    return this.queries.get(actor, id);
  }

  @ListRoute('List the agency’s hearings in start order', undefined, 'hearings')
  list(@CurrentActor() actor: Actor, @Query() query: HearingQueryDto): Promise<HearingPageDto> {
    return this.queries.list(actor, query);
  }

  @CalendarFeedRoute(
    'hearings.ics',
    'The agency’s hearings as an iCalendar feed (RFC 5545)',
    'VCALENDAR with one VEVENT per hearing (UID `<hearing-id>@fuyi`)',
  )
  feed(@CurrentActor() actor: Actor, @Query() query: HearingFeedQueryDto): Promise<string> {
    return this.queries.feed(actor, query);
  }

  @ReadRoute('Get a hearing', undefined, 'hearings/:id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<HearingDto> {
    return this.queries.get(actor, id);
  }

  @CommandRoute(
    'hearings/:id/reschedule',
    'Move a scheduled hearing, with a new written notice (第五十一条)',
    CASE_HANDLER_ROLES,
    'The hearing',
  )
  async reschedule(@Target() target: CommandTarget, @Body() body: RescheduleHearingDto) {
    await this.commands.reschedule(target.actor, target.id, body, target.ifMatch);
    return this.answer(target);
  }

  @CommandRoute(
    'hearings/:id/cancel',
    'Cancel a scheduled hearing (frees the room and the people)',
    CASE_HANDLER_ROLES,
    'The hearing',
  )
  async cancel(@Target() target: CommandTarget, @Body() body: CancelHearingDto) {
    await this.commands.cancel(target.actor, target.id, body, target.ifMatch);
    return this.answer(target);
  }

  @CommandRoute(
    'hearings/:id/record',
    'Record a hearing as held, with who attended for the respondent (第五十一条第三款)',
    CASE_HANDLER_ROLES,
    'The hearing',
  )
  async record(@Target() target: CommandTarget, @Body() body: RecordHearingDto) {
    await this.commands.record(target.actor, target.id, body, target.ifMatch);
    return this.answer(target);
  }

  /** A command answers the hearing as it now stands. */
  private answer(target: CommandTarget): Promise<HearingDto> {
    return this.queries.get(target.actor, target.id);
  }
}
