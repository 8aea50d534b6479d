import { Type } from 'class-transformer';
import { IsIn, IsUUID } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsOptionalLegalDate } from '../../../common/validation/is-legal-date.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { OUTCOMES, type Outcome } from '../../../domain/reconsideration/reconsideration-case.types';

export class ClosureDto {
  caseId!: string;
  receiptNumber!: string;
  caseNumber!: string | null;
  status!: string;
  outcome!: string | null;
  terminationReason!: string | null;
  concludedOn!: string | null;
  concludedLate!: boolean;
  decisionNumber!: string | null;
  servedOn!: string | null;
  /** 15 days after service (行政诉讼法 第四十五条). */
  litigationWindowEndsOn!: string | null;
  /** Whether a lawsuit followed. */
  litigated!: boolean;
  archivedOn!: string | null;
  /** The outcome is in the configured correction set (纠错). */
  corrected!: boolean;
}

export class ClosurePageDto {
  items!: ClosureDto[];
  nextCursor!: string | null;
}

export class ClosureQueryDto extends PageQueryDto {
  /** Admins only: the closures of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @IsOptionalLegalDate()
  concludedFrom?: string;

  @IsOptionalLegalDate()
  concludedTo?: string;

  @IsOptionalNotNull()
  @IsIn(OUTCOMES)
  outcome?: Outcome;

  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  served?: 'true' | 'false';

  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';
}
