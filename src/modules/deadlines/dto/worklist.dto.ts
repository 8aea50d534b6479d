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

  /** open (default: not yet met, overdue included) | overdue | due_soon (≤ 3 working days) | pending_calendar (the calendar lacks a year) */
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
  caseType!: string;
  caseId!: string;
  receiptNumber!: string | null;
  caseNumber!: string | null;
  handlerId!: string | null;
  startOn!: string;
  dueOn!: string | null;
  basis!: string | null;
  pendingYear!: number | null;
}

export class WorklistPageDto {
  items!: WorklistItemDto[];
  nextCursor!: string | null;
}
