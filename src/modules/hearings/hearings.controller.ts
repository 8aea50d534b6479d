import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { setETag } from '../../common/http/etag';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
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
import { ICALENDAR_CONTENT_TYPE } from './hearing-calendar';
import { HearingsService } from './hearings.service';

const HANDLERS = ['admin', 'head', 'clerk'] as const;

/** Hearings (听证, 第五十条) and hearings of opinions (听取意见, 第四十九条) of reconsideration cases. */
@ApiTags('hearings')
@Controller()
export class HearingsController {
  constructor(private readonly hearings: HearingsService) {}

  @Post('reconsideration-cases/:id/hearings')
  @Roles(...HANDLERS)
  @ApiOperation({
    summary:
      'Schedule a hearing on a case under review: written notice ≥ 5 working days ahead (第五十一条), panel of 第五十条, no double booking',
  })
  @ProblemResponses(400, 404, 409, 422)
  async schedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) caseId: string,
    @Body() body: ScheduleHearingDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const view = await this.hearings.schedule(actor, caseId, body);
    setETag(response, view.version);
    response.setHeader('Location', `/api/v1/hearings/${view.id}`);
    return view;
  }

  @Get('hearings')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'List the agency’s hearings in start order' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: HearingQueryDto): Promise<HearingPageDto> {
    return this.hearings.list(actor, query);
  }

  @Get('hearings.ics')
  @Roles(...ANY_USER_ROLE)
  @Header('Content-Type', ICALENDAR_CONTENT_TYPE)
  @Header('Content-Disposition', 'inline; filename="hearings.ics"')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({ summary: 'The agency’s hearings as an iCalendar feed (RFC 5545)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'VCALENDAR with one VEVENT per hearing (UID `<hearing-id>@fuyi`)',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ProblemResponses(400)
  feed(@CurrentActor() actor: Actor, @Query() query: HearingFeedQueryDto): Promise<string> {
    return this.hearings.feed(actor, query);
  }

  @Get('hearings/:id')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'Get a hearing' })
  @ProblemResponses(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const view = await this.hearings.get(actor, id);
    setETag(response, view.version);
    return view;
  }

  @Post('hearings/:id/reschedule')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Move a scheduled hearing, with a new written notice (第五十一条)' })
  @ProblemResponses(400, 404, 409, 412, 422)
  async reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RescheduleHearingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const view = await this.hearings.reschedule(actor, id, body, ifMatch);
    setETag(response, view.version);
    return view;
  }

  @Post('hearings/:id/cancel')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({ summary: 'Cancel a scheduled hearing (frees the room and the people)' })
  @ProblemResponses(400, 404, 409, 412)
  async cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelHearingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const view = await this.hearings.cancel(actor, id, body, ifMatch);
    setETag(response, view.version);
    return view;
  }

  @Post('hearings/:id/record')
  @HttpCode(200)
  @Roles(...HANDLERS)
  @ApiOperation({
    summary: 'Record a hearing as held, with who attended for the respondent (第五十一条第三款)',
  })
  @ProblemResponses(400, 404, 409, 412, 422)
  async record(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordHearingDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HearingDto> {
    const view = await this.hearings.record(actor, id, body, ifMatch);
    setETag(response, view.version);
    return view;
  }
}
