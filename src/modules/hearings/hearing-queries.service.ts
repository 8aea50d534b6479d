import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { isISO8601, isUUID } from 'class-validator';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { isLegalDate, shiftLegalDate } from '../../domain/calendar/legal-date.value';
import { normaliseLocation } from '../../domain/hearings/hearing.rules';
import { AgencyRepository } from '../identity/agency.repository';
import type { HearingDto, HearingFeedQueryDto, HearingQueryDto } from './dto/hearing.dto';
import { buildHearingCalendar } from './hearing-calendar';
import { toHearingDto } from './hearing.mapper';
import { HearingRepository } from './hearing.repository';

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** How many hearings the calendar feed holds at most (the most recent ones). */
export const FEED_LIMIT = 5000;

/** A `from` bound: a date starts at its midnight in China Standard Time. */
function lowerBound(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isLegalDate(value) ? `${value}T00:00:00+08:00` : value;
}

/** A `to` bound: a date is inclusive (up to the next midnight in China Standard Time). */
function upperBound(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isLegalDate(value) ? `${shiftLegalDate(value, 1)}T00:00:00+08:00` : value;
}

/** Reads of hearings: one, a page in start order, the iCalendar feed. */
@Injectable()
export class HearingQueriesService {
  constructor(
    private readonly hearings: HearingRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<HearingDto> {
    const row = await this.hearings.findView(TenantScope.forRecords(actor), id);
    if (!row) throw notFoundProblem(`Hearing ${id}`);
    return toHearingDto(row);
  }

  /** The body's hearings in start order (keyset pagination by start and id). */
  async list(actor: Actor, query: HearingQueryDto): Promise<Page<HearingDto>> {
    const after = decodeCursor(query.cursor, 2);
    if (
      after &&
      (!CURSOR_INSTANT.test(after[0]) ||
        !isISO8601(after[0], { strict: true }) ||
        !isUUID(after[1]))
    ) {
      throw validationProblem([{ field: 'cursor', message: 'cursor is not one this API issued' }]);
    }
    const rows = await this.hearings.list({
      scope: TenantScope.forList(actor),
      from: lowerBound(query.from),
      to: upperBound(query.to),
      location: query.location !== undefined ? normaliseLocation(query.location) : undefined,
      officerId: query.officerId,
      caseId: query.caseId,
      status: query.status,
      after: after ? [after[0], after[1]] : null,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.starts_at_key, row.id], toHearingDto);
  }

  /** The body's hearings as an RFC 5545 calendar (the latest FEED_LIMIT). */
  async feed(actor: Actor, query: HearingFeedQueryDto): Promise<string> {
    const scope = TenantScope.forList(actor);
    const rows = await this.hearings.list({
      scope,
      from: lowerBound(query.from),
      to: upperBound(query.to),
      limit: FEED_LIMIT,
      newestFirst: true,
    });
    const agencyName = scope.agencyId ? await this.agencies.nameOf(scope.agencyId) : null;
    return buildHearingCalendar(agencyName, rows.reverse());
  }
}
