import { IsIn, IsUUID } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsLegalDate } from '../../../common/validation/is-legal-date.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import {
  DEADLINE_KINDS,
  type DeadlineKind,
} from '../../../domain/deadlines/deadline-definition.type';

export const WORKLIST_STATUSES = ['open', 'overdue', 'due_soon', 'pending_calendar'] as const;
export type WorklistStatus = (typeof WORKLIST_STATUSES)[number];

export class WorklistQueryDto extends PageQueryDto {
  /** Admins only: the deadlines of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** open (default: not yet met, overdue and awaiting included) | overdue | due_soon (≤ 3 working days) | pending_calendar (the date rests on a year not published yet) */
  @IsOptionalNotNull()
  @IsIn(WORKLIST_STATUSES)
  status?: WorklistStatus;

  /** Only deadlines due before this date. */
  @IsOptionalNotNull()
  @IsLegalDate()
  dueBefore?: string;

  @IsOptionalNotNull()
  @IsUUID()
  handlerId?: string;

  @IsOptionalNotNull()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;
}

export class WorklistItemDto {
  id!: string;
  kind!: string;
  /** open | overdue | paused */
  status!: string;
  /** reconsideration | litigation */
  caseType!: string;
  caseId!: string;
  receiptNumber!: string | null;
  caseNumber!: string | null;
  handlerId!: string | null;
  startOn!: string;
  dueOn!: string | null;
  basis!: string | null;
  /** The due date rests on a year whose arrangement is not published yet (recomputed later). */
  provisional!: boolean;
  pendingYear!: number | null;
  /** What the clerk must record before the period can run (no due date until then). */
  awaitingAction!: string | null;
  /** For a court session's deadline (identity_proof), the session; caseId is its lawsuit. */
  courtSessionId!: string | null;
  /**
   * What missing it means in law: evidence_deemed_absent (行政诉讼法 第三十四条第二款),
   * head_deemed_absent (负责人出庭应诉规定 第六条第二款).
   */
  ifMissed!: { consequence: string; basis: string } | null;
  /** Overdue with a legal consequence: shown first to the office head. */
  escalated!: boolean;
}

export class WorklistPageDto {
  items!: WorklistItemDto[];
  nextCursor!: string | null;
}
