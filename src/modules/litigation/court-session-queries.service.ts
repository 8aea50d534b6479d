import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { instantPeriodOf } from '../../common/clock/instant-period';
import { toPage, type Page } from '../../common/pagination/cursor';
import { pageWindow } from '../../common/pagination/page-window';
import { notFoundProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { appearanceRatesOf } from '../../domain/litigation/appearance-rates.rule';
import { AgencyRepository } from '../identity/agency.repository';
import { buildCourtSessionCalendar } from './court-session-calendar';
import { toCourtSessionDto } from './court-session.mapper';
import { CourtSessionRepository, type CourtSessionViewRow } from './court-session.repository';
import type {
  AppearanceQueryDto,
  AppearanceRateQueryDto,
  AppearanceRatesDto,
  CourtSessionDto,
  CourtSessionFeedQueryDto,
  CourtSessionQueryDto,
} from './dto/court-session.dto';
import { LitigationCaseRepository, type DefendantView } from './litigation-case.repository';

/** How many sessions the calendar feed holds at most (the most recent ones). */
export const FEED_LIMIT = 5000;

/** Reads of court sessions, appearances and the appearance rates. */
@Injectable()
export class CourtSessionQueriesService {
  constructor(
    private readonly sessions: CourtSessionRepository,
    private readonly cases: LitigationCaseRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  /** One session; `appearance`/`appearancePlan` are those of `defendantAgencyId` when given. */
  async get(actor: Actor, id: string, defendantAgencyId?: string): Promise<CourtSessionDto> {
    const row = await this.sessions.findView(TenantScope.forRecords(actor), id);
    if (!row) throw notFoundProblem(`Court session ${id}`);
    const [dto] = await this.toDtos([row], defendantAgencyId);
    return dto;
  }

  /** The session the court knows by its own id (court liaison), or null. */
  sessionIdByCourtSessionId(actor: Actor, courtSessionId: string): Promise<string | null> {
    return this.sessions.idByCourtSessionId(TenantScope.forRecords(actor), courtSessionId);
  }

  /** The appearance plan the court needs before the session: the session with every defendant's plan. */
  appearancePlanOf(actor: Actor, id: string): Promise<CourtSessionDto> {
    return this.get(actor, id);
  }

  async list(actor: Actor, query: CourtSessionQueryDto): Promise<Page<CourtSessionDto>> {
    const rows = await this.sessions.list({
      scope: TenantScope.forList(actor),
      ...instantPeriodOf(query),
      caseId: query.caseId,
      status: query.status,
      ...pageWindow(query, ['instant', 'uuid']),
    });
    return this.pageOf(rows, query.limit, (row) => [row.starts_at_key, row.id]);
  }

  async feed(actor: Actor, query: CourtSessionFeedQueryDto): Promise<string> {
    const scope = TenantScope.forList(actor);
    const rows = await this.sessions.list({
      scope,
      ...instantPeriodOf(query),
      after: null,
      limit: FEED_LIMIT,
      newestFirst: true,
    });
    const agencyName = scope.agencyId ? await this.agencies.nameOf(scope.agencyId) : null;
    return buildCourtSessionCalendar(agencyName, rows.reverse());
  }

  /** Sessions held in the period with every defendant's appearance record, latest first. */
  async appearances(actor: Actor, query: AppearanceQueryDto): Promise<Page<CourtSessionDto>> {
    const rows = await this.sessions.heldSessions({
      scope: TenantScope.forList(actor),
      from: query.from,
      to: query.to,
      ...pageWindow(query, ['date', 'uuid']),
    });
    return this.pageOf(rows, query.limit, (row) => [row.held_on as string, row.id]);
  }

  /** A page of sessions (rows fetched with one extra to tell whether a next page exists). */
  private async pageOf(
    rows: CourtSessionViewRow[],
    limit: number,
    keyOf: (row: CourtSessionViewRow) => readonly string[],
  ): Promise<Page<CourtSessionDto>> {
    const page = toPage(rows, limit, keyOf, (row) => row);
    return { items: await this.toDtos(page.items), nextCursor: page.nextCursor };
  }

  /** The rates of DESIGN.md side by side, counted in SQL (appearance-rates.rule.ts definitions). */
  async rates(actor: Actor, query: AppearanceRateQueryDto): Promise<AppearanceRatesDto> {
    const counts = await this.sessions.appearanceCounts(
      TenantScope.forList(actor, query.agencyId),
      query.from,
      query.to,
    );
    const rates = appearanceRatesOf(counts);
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      ...rates,
      variants: [...rates.variants],
    };
  }

  private async toDtos(
    rows: readonly CourtSessionViewRow[],
    focusAgencyId?: string,
  ): Promise<CourtSessionDto[]> {
    const appearances = await this.sessions.appearancesOf(rows.map((row) => row.id));
    const defendants = new Map<string, DefendantView[]>();
    for (const caseId of new Set(rows.map((row) => row.case_id))) {
      defendants.set(caseId, await this.cases.defendantsOf(caseId));
    }
    return rows.map((row) =>
      toCourtSessionDto(row, defendants.get(row.case_id) ?? [], appearances, focusAgencyId),
    );
  }
}
