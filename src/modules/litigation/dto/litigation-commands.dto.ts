import { IsIn, MaxLength } from 'class-validator';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import {
  IsLegalDate,
  IsOptionalLegalDate,
} from '../../../common/validation/is-legal-date.decorator';
import {
  APPELLANTS,
  DISPOSITIONS,
  JUDGMENT_KINDS,
  type Appellant,
  type Disposition,
  type JudgmentKind,
} from '../../../domain/litigation/litigation-case.types';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';

@RequestExample({ submittedOn: '2024-10-20' })
export class SubmitDefenseDto {
  /** The defence and evidence reached the court (答辩状、证据, 第六十七条). */
  @IsLegalDate()
  submittedOn!: string;
}

@RequestExample({
  decidedOn: '2025-01-10',
  kind: 'judgment',
  disposition: 'dismissed_claims',
  servedOn: '2025-01-13',
})
export class RecordJudgmentDto {
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

  /** The court found against the agency on part of what was sued only (部分败诉). */
  @IsOptionalBoolean()
  partial?: boolean;
}

@RequestExample({ servedOn: '2025-01-13' })
export class RecordServiceDto {
  @IsLegalDate()
  servedOn!: string;
}

@RequestExample({ appealedOn: '2025-01-20', by: 'agency' })
export class AppealDto {
  @IsLegalDate()
  appealedOn!: string;

  /** agency 被告 | plaintiff 原告 | both 双方 */
  @IsIn(APPELLANTS)
  by!: Appellant;
}

@RequestExample({ closedOn: '2025-02-10' })
export class CloseDto {
  @IsLegalDate()
  closedOn!: string;
}

@RequestExample({ receivedOn: '2025-02-15', summary: '建议规范行政处罚程序，加强执法人员培训' })
export class JudicialRecommendationDto {
  /** 司法建议 received (负责人出庭应诉规定 第十二条). */
  @IsLegalDate()
  receivedOn!: string;

  @IsNonEmptyString()
  @MaxLength(2000)
  summary!: string;
}
