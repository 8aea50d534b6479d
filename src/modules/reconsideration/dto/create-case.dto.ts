import { ArrayMaxSize, ArrayMinSize, IsIn, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  IsNestedObject,
  IsNestedObjectArray,
  IsOptionalNestedObject,
  IsOptionalNestedObjectArray,
} from '../../../common/validation/is-nested-object.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsPartyIdNumber } from '../../../common/validation/is-party-id-number.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import type { Procedure } from '../../../domain/deadlines/deadline-definition.type';
import { CHANNELS, type Channel } from '../../../domain/reconsideration/reconsideration-case.types';
import {
  ACT_KINDS,
  ADMINISTRATIVE_FIELDS,
  type ActKind,
  type AdministrativeField,
} from './case-vocabulary';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

export class ApplicantDto {
  /** person 自然人 | organization 法人或者其他组织 */
  @IsIn(['person', 'organization'])
  kind!: 'person' | 'organization';

  @IsNonEmptyString()
  @MaxLength(200)
  name!: string;

  /** A person's resident ID number (checked), or an organization's unified social credit code. */
  @IsOptionalNotNull()
  @IsPartyIdNumber('isApplicantIdNumber')
  idNumber?: string;

  @IsOptionalString()
  @MaxLength(200)
  contact?: string;
}

export class PartyDto {
  @IsNonEmptyString()
  @MaxLength(200)
  name!: string;

  @IsOptionalString()
  @MaxLength(40)
  idNumber?: string;

  @IsOptionalString()
  @MaxLength(200)
  contact?: string;
}

export class RespondentDto {
  /** An administrative agency registered under the caller's reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** Free-text name when the agency is not registered; defaults to the agency's name. */
  @ValidateIf((respondent: RespondentDto) => !respondent.agencyId || respondent.name !== undefined)
  @IsNonEmptyString()
  @MaxLength(200)
  name?: string;
}

export class ContestedActDto {
  @IsNonEmptyString()
  @MaxLength(500)
  title!: string;

  /** e.g. 乐公（治）行罚决字〔2024〕123号 */
  @IsOptionalString()
  @MaxLength(200)
  documentNumber?: string;

  @IsOptionalLegalDate()
  actOn?: string;

  /** public_security 公安 | natural_resources 自然资源 | market_regulation 市场监管 | human_resources_social_security 人力资源和社会保障 | housing_construction 住房城乡建设 | transport 交通运输 | ecology_environment 生态环境 | agriculture_rural 农业农村 | other 其他 */
  @IsIn(Object.keys(ADMINISTRATIVE_FIELDS))
  field!: AdministrativeField;

  /** administrative_penalty 行政处罚 | complaint_handling 举报投诉处理 | information_disclosure 政府信息公开 | expropriation 行政征收 | confirmation 行政确认 | enforcement 行政强制 | inaction 行政不作为 | ownership_determination 行政确权 | licensing 行政许可 | work_injury_determination 工伤认定 | other 其他 */
  @IsIn(Object.keys(ACT_KINDS))
  actKind!: ActKind;

  /** The act concerns real estate (不动产): the outer limit is 20 years (第二十一条). */
  @IsOptionalBoolean()
  realEstate?: boolean;

  /** The applicant was not told of the right to apply (第二十条第三款): 1-year outer limit. */
  @IsOptionalBoolean()
  remedyRightsNotTold?: boolean;
}

/** The contested act's descriptive fields (a PATCH may change them before conclusion). */
export class ContestedActDescriptionDto {
  @IsNonEmptyString()
  @MaxLength(500)
  title!: string;

  @IsOptionalString()
  @MaxLength(200)
  documentNumber?: string;

  @IsIn(Object.keys(ADMINISTRATIVE_FIELDS))
  field!: AdministrativeField;

  @IsIn(Object.keys(ACT_KINDS))
  actKind!: ActKind;
}

export class LimitationObstacleDto {
  /** The first day the obstacle (force majeure or another justified reason) kept the applicant from applying. */
  @IsLegalDate()
  startedOn!: string;

  /** When the obstacle ended (障碍消除之日): the 60 days continue after it (第二十条第二款). */
  @IsLegalDate()
  endedOn!: string;

  @IsNonEmptyString()
  @MaxLength(1000)
  reason!: string;
}

@RequestExample({
  applicants: [
    {
      kind: 'organization',
      name: '乐平市恒昌建材有限公司',
      idNumber: '91360281MA35F0XJ4K',
      contact: '0798-6812345',
    },
  ],
  respondent: { name: '乐平市自然资源局' },
  contestedAct: {
    title: '行政处罚决定书',
    documentNumber: '乐自然资罚〔2024〕45号',
    actOn: '2024-07-15',
    field: 'natural_resources',
    actKind: 'administrative_penalty',
  },
  knownOn: '2024-07-18',
  receivedOn: '2024-09-10',
  channel: 'mail',
  postmarkedOn: '2024-09-06',
  requests: '撤销行政处罚决定',
  factsAndReasons: '认定事实不清，适用依据错误。',
  agent: { name: '李四', contact: '13900000000' },
})
export class CreateCaseDto {
  @IsNestedObjectArray(() => ApplicantDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  applicants!: ApplicantDto[];

  @IsNestedObject(() => RespondentDto)
  respondent!: RespondentDto;

  @IsNestedObject(() => ContestedActDto)
  contestedAct!: ContestedActDto;

  /** When the applicant knew or should have known the act (第二十条). */
  @IsLegalDate()
  knownOn!: string;

  @IsLegalDate()
  receivedOn!: string;

  /** in_person 当面 | mail 邮寄 | online 网上 | fax 传真 | other 其他 */
  @IsIn(CHANNELS)
  channel!: Channel;

  /** Mail only: the postmark date, which counts as the filing date. */
  @IsOptionalLegalDate()
  postmarkedOn?: string;

  @IsNonEmptyString()
  @MaxLength(5000)
  requests!: string;

  @IsOptionalString()
  @MaxLength(50000)
  factsAndReasons?: string;

  /** ordinary 普通程序 (default) | simplified 简易程序 (第五十三条) */
  @IsOptionalNotNull()
  @IsIn(['ordinary', 'simplified'])
  procedure?: Procedure;

  /** 重大、疑难、复杂: conclusion needs a hearing (第五十条). */
  @IsOptionalBoolean()
  major?: boolean;

  @IsOptionalBoolean()
  hearingRequested?: boolean;

  @IsOptionalNestedObjectArray(() => PartyDto)
  @ArrayMaxSize(50)
  thirdParties?: PartyDto[];

  @IsOptionalNestedObject(() => PartyDto)
  agent?: PartyDto;

  /**
   * The agency did not tell the applicant of the right to apply (with contestedAct.remedyRightsNotTold):
   * the day they learnt it, from which the 60 days run, capped at one year from knownOn (第二十条第三款).
   */
  @IsOptionalLegalDate()
  remedyRightsLearnedOn?: string;

  /** A justified obstacle to applying in time (第二十条第二款). */
  @IsOptionalNestedObject(() => LimitationObstacleDto)
  limitationObstacle?: LimitationObstacleDto;
}

@RequestExample({
  requests: '撤销行政处罚决定，并责令重新作出',
  factsAndReasons: '事实不清，证据不足，程序违法。',
  hearingRequested: true,
})
export class UpdateCaseDto {
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(5000)
  requests?: string;

  @IsOptionalString()
  @MaxLength(50000)
  factsAndReasons?: string;

  @IsOptionalBoolean()
  hearingRequested?: boolean;

  @IsOptionalNestedObjectArray(() => PartyDto)
  @ArrayMaxSize(50)
  thirdParties?: PartyDto[];

  @IsOptionalNestedObject(() => PartyDto)
  agent?: PartyDto;

  /** Descriptive fields of the act; its date and rule facts change through `correct-facts`. */
  @IsOptionalNestedObject(() => ContestedActDescriptionDto)
  contestedAct?: ContestedActDescriptionDto;
}
