import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';

export interface WorklistFilter {
  today: string;
  status: 'open' | 'overdue' | 'due_soon' | 'pending_calendar';
  /** For due_soon: the last day that counts as soon. */
  horizon?: string;
  dueBefore?: string;
  kind?: string;
  handlerId?: string;
  after: string[] | null;
  limit: number;
}

export interface WorklistRow {
  id: string;
  kind: string;
  status: string;
  case_type: string;
  case_id: string;
  court_session_id: string | null;
  receipt_number: string | null;
  case_number: string | null;
  handler_id: string | null;
  trigger_on: string;
  due_on: string | null;
  basis: string | null;
  pending_year: number | null;
  provisional: boolean;
  awaiting_action: string | null;
}

/** The cross-case worklist of deadlines (table deadline, its cases joined), one page at a time. */
@Injectable()
export class WorklistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The worklist: a page of a body's deadlines, soonest first (keyset on due date and id). The
   * deadlines are paged first through the open-due index, then the few cases joined.
   */
  async worklistPage(scope: TenantScope, filter: WorklistFilter): Promise<WorklistRow[]> {
    const params: unknown[] = [scope.agencyId, filter.today];
    const where = ['($1::uuid IS NULL OR d.agency_id = $1)', 'd.met_on IS NULL'];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    switch (filter.status) {
      case 'open':
        where.push(
          `d.status IN ('open', 'overdue') AND (d.due_on IS NOT NULL OR d.awaiting_action IS NOT NULL)`,
        );
        break;
      case 'overdue':
        where.push(`d.status IN ('open', 'overdue') AND d.due_on < $2::date`);
        break;
      case 'due_soon':
        where.push(`d.status = 'open' AND d.due_on >= $2::date`);
        add((p) => `d.due_on <= ${p}::date`, filter.horizon);
        break;
      case 'pending_calendar':
        where.push(`d.status IN ('open', 'overdue') AND d.pending_year IS NOT NULL`);
        break;
    }
    if (filter.dueBefore) add((p) => `d.due_on < ${p}::date`, filter.dueBefore);
    if (filter.kind) add((p) => `d.kind = ${p}`, filter.kind);
    if (filter.handlerId) {
      add(
        (p) =>
          `d.case_id IN (SELECT id FROM reconsideration_case c
                          WHERE ($1::uuid IS NULL OR c.agency_id = $1) AND c.handler_id = ${p})`,
        filter.handlerId,
      );
    }
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      where.push(
        `(coalesce(d.due_on, 'infinity'::date), d.id) > ($${params.length - 1}::date, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit);
    return this.dataSource.query<WorklistRow[]>(
      `SELECT d.id, d.kind,
              CASE WHEN d.status = 'open' AND d.due_on < $2::date THEN 'overdue' ELSE d.status END AS status,
              CASE WHEN d.case_type = 'court_session' THEN 'litigation' ELSE d.case_type END
                AS case_type,
              coalesce(s.case_id, d.case_id) AS case_id,
              CASE WHEN d.case_type = 'court_session' THEN d.case_id END AS court_session_id,
              c.receipt_number, coalesce(c.case_number, l.court_case_number) AS case_number,
              c.handler_id, d.trigger_on::text AS trigger_on, d.due_on::text AS due_on, d.basis,
              d.pending_year, d.provisional, d.awaiting_action
         FROM (SELECT d.id, d.kind, d.status, d.case_type, d.case_id, d.trigger_on, d.due_on,
                      d.record->>'basis' AS basis, d.pending_year,
                      coalesce((d.record->>'provisional')::boolean, false) AS provisional,
                      d.awaiting_action
                 FROM deadline d
                WHERE ${where.join(' AND ')}
                ORDER BY d.due_on, d.id
                LIMIT $${params.length}) d
         LEFT JOIN reconsideration_case c ON c.id = d.case_id AND d.case_type = 'reconsideration'
         LEFT JOIN court_session s ON s.id = d.case_id AND d.case_type = 'court_session'
         LEFT JOIN litigation_case l
                ON l.id = coalesce(s.case_id, d.case_id) AND d.case_type <> 'reconsideration'
        ORDER BY d.due_on, d.id`,
      params,
    );
  }
}
