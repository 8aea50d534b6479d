import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { validationProblem } from '../../common/problem/problem';
import { CalendarService } from './calendar.service';
import {
  CalendarYearDto,
  CalendarYearReplacedDto,
  DueDateDto,
  DueDateQueryDto,
  ReplaceCalendarYearDto,
} from './dto/calendar.dto';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () =>
    validationProblem([{ field: 'year', message: 'year must be an integer from 1900 to 2200' }]),
});

function checkYear(year: number): number {
  if (year < 1900 || year > 2200) {
    throw validationProblem([
      { field: 'year', message: 'year must be an integer from 1900 to 2200' },
    ]);
  }
  return year;
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('due-date')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({
    summary: 'The last day of a period from a date (start day excluded, rest-day roll-forward)',
  })
  @ProblemResponses(400, 422)
  dueDate(@Query() query: DueDateQueryDto): Promise<DueDateDto> {
    return this.calendar.dueDate(query);
  }

  @Get(':year')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'A year’s public holidays and adjusted working days' })
  @ProblemResponses(400, 422)
  getYear(@Param('year', yearPipe) year: number): Promise<CalendarYearDto> {
    return this.calendar.getYear(checkYear(year));
  }

  @Put(':year')
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace a year’s arrangement (bumps the calendar version, recomputes open deadlines)',
  })
  @ProblemResponses(400)
  replaceYear(
    @CurrentActor() actor: Actor,
    @Param('year', yearPipe) year: number,
    @Body() body: ReplaceCalendarYearDto,
  ): Promise<CalendarYearReplacedDto> {
    return this.calendar.replaceYear(actor, checkYear(year), body);
  }
}
