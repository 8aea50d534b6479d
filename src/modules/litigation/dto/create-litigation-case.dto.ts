import { ArrayMaxSize, ArrayMinSize, IsIn, IsUUID, MaxLength } from 'class-validator';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import {
  IsNestedObjectArray,
  IsOptionalNestedObjectArray,
} from '../../../common/validation/is-nested-object.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import { IsPartyIdNumber } from '../../../common/validation/is-party-id-number.decorator';
import type { Procedure } from '../../../domain/deadlines/deadline-definition.type';
import {
  LITIGATION_INSTANCES,
  RETRIAL_PROCEDURES,
  type LitigationInstance,
  type RetrialProcedure,
} from '../../../domain/litigation/litigation-case.types';
import { ACT_KINDS, ADMINISTRATIVE_FIELDS } from '../../reconsideration/dto/case-vocabulary';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';

export class PlaintiffDto {
  /** person 自然人 | organization 法人或者其他组织 */
  @IsIn(['person', 'organization'])
  kind!: 'person' | 'organization';

  @IsNonEmptyString()
  @MaxLength(200)
  name!: string;

  /** Resident ID number (checked) or unified social credit code; sealed at rest, masked in lists. */
  @IsOptionalNotNull()
  @IsPartyIdNumber('isPlaintiffIdNumber')
  idNumber?: string;
}

export const LITIGATION_PROCEDURES = ['ordinary', 'simplified'] as const;

/** The descriptive fields a PATCH may change. */
@RequestExample({
  cause: '不服行政处罚决定及国家赔偿',
  stateCompensation: true,
  headSummonRequired: true,
})
export class UpdateLitigationCaseDto {
  /** The court, e.g. 乐平市人民法院. */
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(200)
  courtName?: string;

  @IsOptionalNestedObjectArray(() => PlaintiffDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  plaintiffs?: PlaintiffDto[];

  /** 案由, free text. */
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(500)
  cause?: string;

  /** Kind of act (administrative_penalty 行政处罚, licensing 行政许可, …, other 其他). */
  @IsOptionalNotNull()
  @IsIn(Object.keys(ACT_KINDS))
  actKind?: string;

  /** Field of administration (public_security 公安, natural_resources 自然资源, …, other 其他). */
  @IsOptionalNotNull()
  @IsIn(Object.keys(ADMINISTRATIVE_FIELDS))
  field?: string;

  /** State compensation (国家赔偿) is claimed with the suit. */
  @IsOptionalBoolean()
  stateCompensation?: boolean;

  /** The court must summon the head (负责人出庭应诉规定 第四条: major public interest, attention, risk). */
  @IsOptionalBoolean()
  headSummonRequired?: boolean;

  /** The court's filing (立案); the courts' terms count from it. */
  @IsOptionalLegalDate()
  filedOn?: string;

  /**
   * The court allowed evidence later (行政诉讼法 第三十六条第一款) and the cause ended on this day:
   * the evidence is due 15 days after it (行诉解释 第三十四条).
   */
  @IsOptionalLegalDate()
  evidenceObstacleRemovedOn?: string;
}

@RequestExample({
  courtCaseNumber: '（2024）赣0281行初12号',
  courtName: '乐平市人民法院',
  instance: 'first',
  plaintiffs: [{ kind: 'person', name: '张三', idNumber: '11010519491231002X' }],
  defendantAgencyIds: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
  cause: '不服行政处罚决定',
  actKind: 'administrative_penalty',
  field: 'natural_resources',
  stateCompensation: false,
  headSummonRequired: false,
  filedOn: '2024-10-08',
  complaintReceivedOn: '2024-10-11',
})
export class CreateLitigationCaseDto {
  /** Admins only: the reconsideration body the case is for. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** 案号, e.g. （2024）赣0281行初12号 or (2015)海行初字第5号 (full-width or ASCII brackets). */
  @IsNonEmptyString()
  @MaxLength(80)
  courtCaseNumber!: string;

  /** The court, e.g. 乐平市人民法院. */
  @IsNonEmptyString()
  @MaxLength(200)
  courtName!: string;

  /** first 第一审 | second 第二审 | retrial 再审 */
  @IsIn(LITIGATION_INSTANCES)
  instance!: LitigationInstance;

  /** ordinary 普通程序 | simplified 简易程序 (first instance only, 第八十二条) */
  @IsOptionalNotNull()
  @IsIn(LITIGATION_PROCEDURES)
  procedure?: Procedure;

  /** For a retrial: first_instance 按第一审程序 | second_instance 按第二审程序 (行诉解释 第一百一十九条) */
  @IsOptionalNotNull()
  @IsIn(RETRIAL_PROCEDURES)
  retrialProcedure?: RetrialProcedure;

  @IsNestedObjectArray(() => PlaintiffDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  plaintiffs!: PlaintiffDto[];

  /**
   * The defendant agencies of the caller's body (the body itself included). Derived instead from
   * the linked reconsideration case's outcome when the law determines them (第二十六条第二款).
   */
  @IsOptionalNotNull()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  defendantAgencyIds?: string[];

  /** The reconsideration case the act went through: the defendants follow from its outcome. */
  @IsOptionalNotNull()
  @IsUUID()
  reconsiderationCaseId?: string;

  /** The earlier instance of an appeal or retrial (or of a case sent back for retrial). */
  @IsOptionalNotNull()
  @IsUUID()
  previousInstanceId?: string;

  /** 案由, free text. */
  @IsNonEmptyString()
  @MaxLength(500)
  cause!: string;

  /** Kind of act (administrative_penalty 行政处罚, licensing 行政许可, …, other 其他). */
  @IsIn(Object.keys(ACT_KINDS))
  actKind!: string;

  /** Field of administration (public_security 公安, natural_resources 自然资源, …, other 其他). */
  @IsIn(Object.keys(ADMINISTRATIVE_FIELDS))
  field!: string;

  /** State compensation (国家赔偿) is claimed with the suit. */
  @IsOptionalBoolean()
  stateCompensation?: boolean;

  /** The court must summon the head (负责人出庭应诉规定 第四条). */
  @IsOptionalBoolean()
  headSummonRequired?: boolean;

  /** The court's filing (立案). */
  @IsOptionalLegalDate()
  filedOn?: string;

  /** The agency's receipt of the complaint copy: the 15 days of defence run from it (第六十七条). */
  @IsLegalDate()
  complaintReceivedOn!: string;
}
