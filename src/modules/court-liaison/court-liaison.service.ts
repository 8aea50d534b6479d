import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { lowerInstantBound, upperInstantBound } from '../../common/clock/legal-day-bounds';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { notFoundProblem } from '../../common/problem/problem';
import type { CourtSessionDto } from '../litigation/dto/court-session.dto';
import type { LitigationCaseDto } from '../litigation/dto/litigation-case.dto';
import { CourtSessionQueriesService } from '../litigation/court-session-queries.service';
import { CourtSessionSchedulingService } from '../litigation/court-session-scheduling.service';
import { LitigationCourtMessagesService } from '../litigation/litigation-court-messages.service';
import { LitigationQueriesService } from '../litigation/litigation-queries.service';
import type {
  CourtFilingDto,
  CourtJudgmentDto,
  CourtSessionNoticeDto,
  ReconciliationDto,
} from './dto/court.dto';
import { IntegrationExchangeRepository } from './integration-exchange.repository';

const RECONCILIATION_LIMIT = 5000;

/**
 * The court's writes land in the litigation cases the clerks see, through the litigation
 * services and so the command runner (events, outbox, audit with the API client as actor).
 */
@Injectable()
export class CourtLiaisonService {
  constructor(
    private readonly cases: LitigationCourtMessagesService,
    private readonly queries: LitigationQueriesService,
    private readonly exchanges: IntegrationExchangeRepository,
    private readonly sessions: CourtSessionSchedulingService,
    private readonly sessionQueries: CourtSessionQueriesService,
  ) {}

  /** Creates the session with the court's id, or reschedules it when its time or notice changed. */
  async postSession(
    actor: Actor,
    courtCaseNumber: string,
    notice: CourtSessionNoticeDto,
  ): Promise<{ created: boolean; view: CourtSessionDto }> {
    const { created, id } = await this.sessions.upsertFromCourt(actor, courtCaseNumber, notice);
    return { created, view: await this.sessionQueries.get(actor, id) };
  }

  /** The appearance plan of every defendant for the session the court knows by this id. */
  async appearanceOf(actor: Actor, courtSessionId: string): Promise<CourtSessionDto> {
    const id = await this.sessionQueries.sessionIdByCourtSessionId(actor, courtSessionId);
    if (id === null) throw notFoundProblem(`Court session ${courtSessionId}`);
    return this.sessionQueries.appearancePlanOf(actor, id);
  }

  /** Creates or updates the case with this 案号; `created` tells which. */
  async putCase(
    actor: Actor,
    courtCaseNumber: string,
    filing: CourtFilingDto,
  ): Promise<{ created: boolean; view: LitigationCaseDto }> {
    const { created, id } = await this.cases.upsertFromCourtFiling(actor, courtCaseNumber, filing);
    return { created, view: await this.queries.get(actor, id) };
  }

  /** Records the judgment with this document id on the case (a repeat changes nothing). */
  async postJudgment(
    actor: Actor,
    courtCaseNumber: string,
    judgment: CourtJudgmentDto,
  ): Promise<{ created: boolean; view: LitigationCaseDto }> {
    const { created, id } = await this.cases.recordCourtJudgment(actor, courtCaseNumber, judgment);
    return { created, view: await this.queries.get(actor, id) };
  }

  /** What was received from and sent to the court on a China Standard Time day. */
  async reconciliation(actor: Actor, date: string, agencyId?: string): Promise<ReconciliationDto> {
    const scope = TenantScope.forList(actor, agencyId);
    const body = scope.agencyId ?? '00000000-0000-0000-0000-000000000000';
    const from = new Date(lowerInstantBound(date) as string);
    const to = new Date(upperInstantBound(date) as string);
    const [received, sent] = await Promise.all([
      this.exchanges.receivedBetween(body, from, to, RECONCILIATION_LIMIT + 1),
      this.exchanges.sentBetween(body, from, to, RECONCILIATION_LIMIT + 1),
    ]);
    const receivedItems = received.slice(0, RECONCILIATION_LIMIT).map((row) => ({
      receivedAt: row.recorded_at,
      operation: row.operation,
      reference: row.reference,
      idempotencyKey: row.idempotency_key,
      replayed: row.replayed,
      responseStatus: row.response_status,
      requestId: row.request_id,
    }));
    const sentItems = sent.slice(0, RECONCILIATION_LIMIT).map((row) => ({
      attemptedAt: row.attempted_at,
      messageId: row.message_id,
      eventType: row.event_type,
      url: row.url,
      attempt: row.attempt,
      status: row.status,
      responseStatus: row.response_status,
    }));
    return {
      date,
      received: receivedItems,
      sent: sentItems,
      totals: {
        received: receivedItems.length,
        receivedRefused: receivedItems.filter((item) => item.responseStatus >= 400).length,
        sent: sentItems.length,
        sentSucceeded: sentItems.filter((item) => item.status === 'succeeded').length,
      },
      truncated: received.length > RECONCILIATION_LIMIT || sent.length > RECONCILIATION_LIMIT,
    };
  }
}
