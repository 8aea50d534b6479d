import { IsIn, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import {
  LITIGATION_INSTANCES,
  LITIGATION_STATUSES,
  type LitigationInstance,
  type LitigationStatus,
} from '../../../domain/litigation/litigation-case.types';
import { CaseDeadlineDto } from '../../reconsideration/dto/case.dto';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

export class PlaintiffViewDto {
  kind!: 'person' | 'organization';
  name!: string;
  /** A person's number masked (`3602**********1234`) in lists and for viewers and API clients. */
  idNumber!: string | null;
}

export class DefendantViewDto {
  agencyId!: string;
  name!: string;
  code!: string;
  /** original_act 作出原行政行为的机关 | reconsideration_body 复议机关 */
  role!: string;
  /**
   * defend_original_act 原行政行为合法性 | defend_reconsideration_procedure 复议程序合法性 (共同被告) |
   * defend_reconsideration_decision 复议决定 (复议机关单独被告)
   */
  task!: string;
  taskDescription!: string;
}

export class JudgmentViewDto {
  decidedOn!: string;
  /** judgment 判决 | ruling 裁定 | mediation 调解书 */
  kind!: string;
  disposition!: string;
  partial!: boolean;
  servedOn!: string | null;
  /** win 胜诉 | lose 败诉 | partial 部分败诉 | withdrawn 撤诉 | mediated 调解 | other 其他 */
  result!: string;
  /** yes | no | unknown (行政诉讼法 第八十五条; a final-instance decision cannot be appealed). */
  appealable!: string;
  courtDocumentId!: string | null;
}

export class CourtCaseNumberDto {
  year!: number;
  courtCode!: string;
  /** 行初 | 行终 | 行再 | 行申 | 行审 | 行赔初 | … */
  typeCode!: string;
}

export class LitigationCaseDto {
  id!: string;
  /** The reconsideration body (tenant). */
  agencyId!: string;
  /** Canonical 案号, e.g. （2024）赣0281行初12号. */
  courtCaseNumber!: string;
  courtCase!: CourtCaseNumberDto;
  courtName!: string;
  /** first 第一审 | second 第二审 | retrial 再审 */
  instance!: LitigationInstance;
  procedure!: string;
  retrialProcedure!: string | null;
  /** pending 待答辩 | defended 已答辩 | judged 已裁判 | appealed 已上诉 | closed 已结案 */
  status!: LitigationStatus;
  plaintiffs!: PlaintiffViewDto[];
  defendants!: DefendantViewDto[];
  /** 复议维持共同被告 (行政诉讼法 第二十六条第二款), derived from the linked reconsideration outcome. */
  coDefendant!: boolean;
  reconsiderationCaseId!: string | null;
  previousInstanceId!: string | null;
  cause!: string;
  actKind!: string;
  field!: string;
  stateCompensation!: boolean;
  headSummonRequired!: boolean;
  filedOn!: string | null;
  complaintReceivedOn!: string;
  evidenceObstacleRemovedOn!: string | null;
  defenseSubmittedOn!: string | null;
  /** The defence came after the 15 days: its evidence counts as none (第三十四条第二款). */
  defenseLate!: boolean;
  judgment!: JudgmentViewDto | null;
  appeal!: { appealedOn: string; by: string } | null;
  closedOn!: string | null;
  judicialRecommendations!: { receivedOn: string; summary: string }[];
  allowedCommands!: string[];
  /** The case's deadlines and those of its court sessions (identity proof, appearance notice). */
  deadlines!: LitigationDeadlineDto[];
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class LitigationDeadlineDto extends CaseDeadlineDto {
  /** Set for a court session's deadline (identity_proof, appearance_notice). */
  courtSessionId!: string | null;
  /** What missing it means in law, e.g. evidence_deemed_absent (第三十四条第二款). */
  ifMissed!: { consequence: string; basis: string } | null;
}

export class LitigationCaseSummaryDto {
  id!: string;
  courtCaseNumber!: string;
  courtName!: string;
  instance!: string;
  status!: string;
  /** ID numbers always masked. */
  plaintiffs!: PlaintiffViewDto[];
  coDefendant!: boolean;
  cause!: string;
  complaintReceivedOn!: string;
  judgmentResult!: string | null;
  version!: number;
}

export class LitigationCasePageDto {
  items!: LitigationCaseSummaryDto[];
  nextCursor!: string | null;
}

export class LitigationCaseQueryDto extends PageQueryDto {
  /** Admins only: the cases of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** first | second | retrial */
  @IsOptionalNotNull()
  @IsIn(LITIGATION_INSTANCES)
  instance?: LitigationInstance;

  /** pending | defended | judged | appealed | closed */
  @IsOptionalNotNull()
  @IsIn(LITIGATION_STATUSES)
  status?: LitigationStatus;

  /** Text in the 案号, the court or a plaintiff's name; a whole ID number finds its plaintiff. */
  @IsOptionalString()
  @MaxLength(100)
  q?: string;

  @IsOptionalNotNull()
  @IsUUID()
  reconsiderationCaseId?: string;
}
