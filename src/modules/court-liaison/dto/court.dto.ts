import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import { IsInstant } from '../../../common/validation/is-instant.decorator';
import { IsNestedObjectArray } from '../../../common/validation/is-nested-object.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import {
  DISPOSITIONS,
  JUDGMENT_KINDS,
  LITIGATION_INSTANCES,
  type Disposition,
  type JudgmentKind,
  type LitigationInstance,
} from '../../../domain/litigation/litigation-case.types';
import { PlaintiffDto } from '../../litigation/dto/create-litigation-case.dto';
import { ACT_KINDS, ADMINISTRATIVE_FIELDS } from '../../reconsideration/dto/case-vocabulary';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';

/** The court's identifiers: printable, no spaces or slashes. */
const COURT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

@RequestExample({
  courtName: '乐平市人民法院',
  instance: 'first',
  plaintiffs: [{ kind: 'person', name: '张三' }],
  defendantAgencyCodes: ['LPGA'],
  cause: '不服行政处罚决定',
  actKind: 'administrative_penalty',
  filedOn: '2024-10-08',
  complaintServedOn: '2024-10-10',
})
export class CourtFilingDto {
  /** The court, e.g. 乐平市人民法院. */
  @IsNonEmptyString()
  @MaxLength(200)
  courtName!: string;

  /** first 一审 | second 二审 | retrial 再审 */
  @IsIn(LITIGATION_INSTANCES)
  instance!: LitigationInstance;

  @IsNestedObjectArray(() => PlaintiffDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  plaintiffs!: PlaintiffDto[];

  /** Codes of the defendant agencies (the body's own code when it is a defendant). */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  defendantAgencyCodes!: string[];

  /** 案由, free text. */
  @IsNonEmptyString()
  @MaxLength(500)
  cause!: string;

  /** Kind of act (administrative_penalty 行政处罚, …, other 其他); default other. */
  @IsOptionalNotNull()
  @IsIn(Object.keys(ACT_KINDS))
  actKind?: string;

  /** Field of administration (public_security 公安, …, other 其他); default other. */
  @IsOptionalNotNull()
  @IsIn(Object.keys(ADMINISTRATIVE_FIELDS))
  field?: string;

  /** The court's filing (立案). */
  @IsLegalDate()
  filedOn!: string;

  /** Service of the complaint copy on the agency: the 15 days of defence run from it (第六十七条). */
  @IsLegalDate()
  complaintServedOn!: string;

  /** The court will summon the head (负责人出庭应诉规定 第四条). */
  @IsOptionalBoolean()
  headSummonRequired?: boolean;

  /** State compensation (国家赔偿) is claimed with the suit. */
  @IsOptionalBoolean()
  stateCompensation?: boolean;
}

@RequestExample({
  courtDocumentId: 'JXLP-2025-WS-000123',
  decidedOn: '2025-01-10',
  kind: 'judgment',
  disposition: 'dismissed_claims',
  servedOn: '2025-01-13',
})
export class CourtJudgmentDto {
  /** The court's id of the judgment document: a repeat with it is the same judgment. */
  @IsString()
  @Matches(COURT_ID, { message: 'courtDocumentId must be 1–100 letters, digits or ._:-' })
  courtDocumentId!: string;

  @IsLegalDate()
  decidedOn!: string;

  /** judgment 判决 | ruling 裁定 | mediation 调解书 */
  @IsIn(JUDGMENT_KINDS)
  kind!: JudgmentKind;

  /**
   * dismissed_claims 驳回诉讼请求 | dismissed_suit 驳回起诉 | revoked 撤销 | revoked_and_redo 撤销并责令重作 |
   * changed 变更 | confirmed_illegal 确认违法 | confirmed_invalid 确认无效 | ordered_performance 责令履行 |
   * ordered_compensation 判决赔偿 | withdrawn 准予撤诉 | withdrawn_after_change 被告改变行为后撤诉 |
   * mediated 调解 | other 其他
   */
  @IsIn(DISPOSITIONS)
  disposition!: Disposition;

  /** Service on the agency: the appeal window runs from it (第八十五条). */
  @IsOptionalLegalDate()
  servedOn?: string;
}

@RequestExample({
  courtSessionId: 'JXLP-2026-KT-000045',
  startsAt: '2026-06-15T09:30:00+08:00',
  courtroom: '第三法庭',
  headSummoned: true,
  noticeServedOn: '2026-06-01',
})
export class CourtSessionNoticeDto {
  /** The court's id of the session: a repeat with it and a new time reschedules the session. */
  @IsString()
  @Matches(COURT_ID, { message: 'courtSessionId must be 1–100 letters, digits or ._:-' })
  courtSessionId!: string;

  /** When the session opens: ISO 8601 with offset. */
  @IsInstant()
  startsAt!: string;

  @IsString()
  @Matches(/\S/, { message: 'courtroom must not be blank' })
  @MaxLength(200)
  courtroom!: string;

  /** The notice asks the head to appear (负责人出庭应诉规定 第四条、第五条). */
  @IsBoolean()
  headSummoned!: boolean;

  /** When the notice was served on the agency; ≥ 3 days before the session (第五条), else flagged. */
  @IsLegalDate()
  noticeServedOn!: string;
}

export class ReconciliationQueryDto {
  /** The China Standard Time day, YYYY-MM-DD. */
  @IsLegalDate()
  date!: string;
}

export class ReceivedExchangeDto {
  receivedAt!: string;
  /** court_case.put | court_session.post | court_judgment.post */
  operation!: string;
  /** The court's identifier: 案号, session id or document id. */
  reference!: string;
  idempotencyKey!: string | null;
  /** Answered from the stored response of an earlier request with the same key. */
  replayed!: boolean;
  responseStatus!: number;
  requestId!: string | null;
}

export class SentExchangeDto {
  attemptedAt!: string;
  /** The `webhook-id`. */
  messageId!: string;
  eventType!: string;
  url!: string;
  attempt!: number;
  status!: string;
  responseStatus!: number | null;
}

export class ReconciliationDto {
  date!: string;
  received!: ReceivedExchangeDto[];
  sent!: SentExchangeDto[];
  totals!: { received: number; receivedRefused: number; sent: number; sentSucceeded: number };
  /** More than 5000 of either on the day: the lists stop there. */
  truncated!: boolean;
}
