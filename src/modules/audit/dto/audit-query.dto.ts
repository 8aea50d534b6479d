import { IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstantFrom, IsInstantTo } from '../../../common/validation/is-instant.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  /** The changed resource's id. */
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  /** The user or API client who made the change. */
  @IsOptionalNotNull()
  @IsUUID()
  actorId?: string;

  /** Admins only: entries of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** Entries from: a date YYYY-MM-DD (from the start of that day in China Standard Time) or an instant with offset (inclusive). */
  @IsOptionalNotNull()
  @IsInstantFrom()
  from?: string;

  /** Entries up to: a date (inclusive, through the end of that day in China Standard Time) or an instant with offset (exclusive). */
  @IsOptionalNotNull()
  @IsInstantTo()
  to?: string;
}
