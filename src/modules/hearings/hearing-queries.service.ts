import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { instantPeriodOf } from '../../common/clock/instant-period';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { notFoundProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { normaliseLocation } from '../../domain/hearings/hearing.rules';
import { AgencyRepository } from '../identity/agency.repository';
import type { HearingDto, HearingFeedQueryDto, HearingQueryDto } from './dto/hearing.dto';
import { buildHearingCalendar } from './hearing-calendar';
import { toHearingDto } from './hearing.mapper';
import { HearingRepository } from './hearing.repository';

/** How many hearings the calendar feed holds at most (the most recent ones). */
export const FEED_LIMIT = 5000;

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
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const rows = await this.hearings.list({
      scope: TenantScope.forList(actor),
      ...instantPeriodOf(query),
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
      ...instantPeriodOf(query),
      limit: FEED_LIMIT,
      newestFirst: true,
    });
    const agencyName = scope.agencyId ? await this.agencies.nameOf(scope.agencyId) : null;
    return buildHearingCalendar(agencyName, rows.reverse());
  }
}
