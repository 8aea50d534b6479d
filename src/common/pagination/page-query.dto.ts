import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '../validation/is-optional-not-null.decorator';

export class PageQueryDto {
  /** Page size, 1–200. */
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  /** `nextCursor` of the previous page. */
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
