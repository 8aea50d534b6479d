import { applyDecorators } from '@nestjs/common';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { AGENCY_KINDS, type AgencyKind } from '../agency.entity';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

const NUMBER_TEMPLATE = /^(?=.*\{year\})(?=.*\{seq\}).{1,100}$/u;
const NUMBER_TEMPLATE_MESSAGE =
  '$property must contain {year} and {seq}, e.g. 乐府复〔{year}〕{seq}号';

/** A receipt or case number template, when given: it must contain {year} and {seq}. */
function IsOptionalNumberTemplate() {
  // In the order of the stacked `@IsOptionalNotNull() @Matches(…)` it replaces.
  return applyDecorators(
    Matches(NUMBER_TEMPLATE, { message: NUMBER_TEMPLATE_MESSAGE }),
    IsOptionalNotNull(),
  );
}

@RequestExample({
  name: '乐平市人民政府',
  code: 'LPSZF',
  kind: 'reconsideration_body',
  receiptNumberTemplate: '乐府复收〔{year}〕{seq}号',
  caseNumberTemplate: '乐府复〔{year}〕{seq}号',
})
export class CreateAgencyDto {
  /** e.g. 乐平市人民政府 */
  @IsNonEmptyString()
  @MaxLength(200)
  name!: string;

  /** Unique code, e.g. a unified social credit code or an internal short code. */
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: '$property must be 1–64 letters, digits, _ . -' })
  code!: string;

  /** reconsideration_body 行政复议机关 (a tenant) | administrative_agency 行政机关 (respondent) */
  @IsIn(AGENCY_KINDS)
  kind!: AgencyKind;

  /** The agency above this one. Required for an administrative agency of an admin's making. */
  @IsOptionalNotNull()
  @IsUUID()
  parentId?: string;

  /** Receipt number template, e.g. 乐府复收〔{year}〕{seq}号 */
  @IsOptionalNumberTemplate()
  receiptNumberTemplate?: string;

  /** Case number template, e.g. 乐府复〔{year}〕{seq}号 */
  @IsOptionalNumberTemplate()
  caseNumberTemplate?: string;
}

@RequestExample({ name: '乐平市人民政府', caseNumberTemplate: '乐府复〔{year}〕{seq}号' })
export class UpdateAgencyDto {
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(200)
  name?: string;

  @IsOptionalString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: '$property must be 1–64 letters, digits, _ . -' })
  code?: string;

  @IsOptionalNumberTemplate()
  receiptNumberTemplate?: string;

  @IsOptionalNumberTemplate()
  caseNumberTemplate?: string;
}

export class AgencyQueryDto extends PageQueryDto {
  @IsOptionalNotNull()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  /** Admins only: the agencies of this reconsideration body (default: their own, else all). */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class AgencyDto {
  id!: string;
  name!: string;
  code!: string;
  kind!: AgencyKind;
  parentId!: string | null;
  /** The reconsideration body whose data this agency is. */
  tenantId!: string;
  receiptNumberTemplate!: string | null;
  caseNumberTemplate!: string | null;
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class AgencyPageDto {
  items!: AgencyDto[];
  nextCursor!: string | null;
}
