import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  /** The changed resource's id. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  /** The user or API client who made the change. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** Admins only: entries of this reconsideration body. */
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  /** Instant (ISO 8601), inclusive. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Instant (ISO 8601), exclusive. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
