import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, MaxLength } from 'class-validator';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import {
  IsNestedObject,
  IsOptionalNestedObject,
} from '../../../common/validation/is-nested-object.decorator';
import { LimitationObstacleDto } from './create-case.dto';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';

/** The contested act's rule-deciding facts (第二十条、第二十一条). */
export class ContestedActFactsDto {
  /** The act concerns real estate (不动产): the outer limit is 20 years (第二十一条). */
  @IsOptionalBoolean()
  realEstate?: boolean;

  /** The applicant was not told of the right to apply (第二十条第三款). */
  @IsOptionalBoolean()
  remedyRightsNotTold?: boolean;

  /** The date of the act (5/20-year outer limits, 第二十一条); null: not known. */
  @ApiProperty({ required: false, nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsLegalDate()
  actOn?: string | null;
}

/** What changes: each field given replaces the recorded fact; null clears a nullable one. */
export class FactChangesDto {
  /** 重大、疑难、复杂 (第五十条): conclusion needs a held hearing. */
  @IsOptionalBoolean()
  major?: boolean;

  @IsOptionalNestedObject(() => ContestedActFactsDto)
  contestedAct?: ContestedActFactsDto;

  /** A justified obstacle (第二十条第二款); null removes it. */
  @ApiProperty({ required: false, nullable: true, type: LimitationObstacleDto })
  @IsOptional()
  @IsNestedObject(() => LimitationObstacleDto)
  limitationObstacle?: LimitationObstacleDto | null;

  /** The day the applicant learnt the remedy rights (第二十条第三款); null: not known. */
  @ApiProperty({ required: false, nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsLegalDate()
  remedyRightsLearnedOn?: string | null;

  /** When the applicant knew or should have known the act (第二十条). */
  @IsOptionalLegalDate()
  knownOn?: string;

  @IsOptionalLegalDate()
  receivedOn?: string;

  /** For mail: the postmark is the filing date; null removes it. */
  @ApiProperty({ required: false, nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsLegalDate()
  postmarkedOn?: string | null;
}

@RequestExample({
  changes: { major: true, contestedAct: { remedyRightsNotTold: false } },
  reason: '经复核，本案涉及群体性利益，属重大案件；原登记的未告知救济权利有误',
})
export class CorrectFactsDto {
  @IsNestedObject(() => FactChangesDto)
  changes!: FactChangesDto;

  /** Why the recorded facts were wrong (kept in the timeline and the audit trail). */
  @IsNonEmptyString()
  @MaxLength(2000)
  reason!: string;
}
