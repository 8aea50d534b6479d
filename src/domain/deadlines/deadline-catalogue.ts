import type { PeriodUnit } from '../calendar/period-unit.type';
import type {
  DeadlineDefinition,
  DeadlineKind,
  DeadlinePeriods,
  OuterLimitDefinition,
  OuterLimitKind,
  PeriodRule,
} from './deadline-definition.type';

/*
 * The deadline catalogue as data (DESIGN, "Deadline catalogue"). Every period excludes its start
 * day (民事诉讼法 第八十五条第二款, applied by 行政复议法 第八十八条第一款 and 行诉解释 第四十八条).
 * The reconsideration law's "3, 5, 7 and 10 days" are working days (行政复议法 第八十八条第二款);
 * every other period is in calendar days or months and rolls forward when its last day is a
 * statutory rest day (民事诉讼法 第八十五条第三款). Texts: /work/shared/law/.
 */

/** A period with no extension: its length, unit and the article that sets it. */
function period(length: number, unit: PeriodUnit, basis: string): PeriodRule {
  return { length, unit, basis, extension: null };
}

/** Periods that no other law lengthens, nothing suspends, and that roll past rest days. */
function fixedPeriods<P extends DeadlinePeriods>(periods: P) {
  return { periods, longerByOtherLaw: false, suspension: null, rollForward: true } as const;
}

/** One period that no other law lengthens, nothing suspends, and that rolls past rest days. */
function fixedPeriod(length: number, unit: PeriodUnit, basis: string) {
  return fixedPeriods({ variesBy: 'none', single: period(length, unit, basis) } as const);
}

/**
 * One period that no other law lengthens and nothing suspends, whose day stands even when it is
 * a rest day: a minimum notice (the earliest day allowed) or an act due before a dated event.
 */
function fixedPeriodNotRolled(length: number, unit: PeriodUnit, basis: string) {
  return { ...fixedPeriod(length, unit, basis), rollForward: false } as const;
}

const RECONSIDERATION_LAW = '行政复议法';
const LITIGATION_LAW = '行政诉讼法';
const LITIGATION_INTERPRETATION = '行诉解释'; // 最高人民法院关于适用《中华人民共和国行政诉讼法》的解释 (2018)
const OFFICIALS_IN_COURT = '负责人出庭应诉规定'; // 最高人民法院关于行政机关负责人出庭应诉若干问题的规定 (法释〔2020〕3号)

export const DEADLINE_CATALOGUE = {
  // 行政复议法 第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出行政复议申请；但是法律规定
  // 的申请期限超过六十日的除外. 第二十条第二款: an obstacle (force majeure etc.) stops the period and it
  // continues after the obstacle ends (recorded as a suspension). 第二十条第三款: when the agency did
  // not tell the remedy rights, it counts from learning them (alternative trigger), capped by the
  // outer limits below.
  application_limitation: {
    kind: 'application_limitation',
    family: 'reconsideration',
    name: '申请期限',
    meaning: 'act_by',
    triggers: [
      { event: 'act_known', basis: `${RECONSIDERATION_LAW} 第二十条第一款` },
      { event: 'remedy_rights_known', basis: `${RECONSIDERATION_LAW} 第二十条第三款` },
    ],
    periods: {
      variesBy: 'none',
      single: period(60, 'days', `${RECONSIDERATION_LAW} 第二十条第一款`),
    },
    longerByOtherLaw: true,
    suspension: { basis: `${RECONSIDERATION_LAW} 第二十条第二款` },
    rollForward: true,
    enforcement: {
      action: 'refuse_command',
      description:
        'At intake a late application is flagged; it cannot be accepted (422) unless a justified ' +
        'obstacle is recorded, after which the period continues. Beyond the outer limits no ' +
        'acceptance at all. For mail, the postmark date counts.',
    },
  },
  // 行政复议法 第三十条第一款: 收到行政复议申请后，应当在五日内进行审查 (5 working days, 第八十八条第二款).
  // 第三十条第三款: 审查期限届满…未作出不予受理决定的，审查期限届满之日起视为受理.
  // 第三十一条第三款: on receipt of corrected materials the review runs again under 第三十条.
  acceptance_review: {
    kind: 'acceptance_review',
    family: 'reconsideration',
    name: '受理审查期限',
    meaning: 'act_by',
    triggers: [
      { event: 'application_received', basis: `${RECONSIDERATION_LAW} 第三十条第一款` },
      {
        event: 'corrected_materials_received',
        basis: `${RECONSIDERATION_LAW} 第三十一条第三款`,
      },
    ],
    ...fixedPeriod(5, 'working_days', `${RECONSIDERATION_LAW} 第三十条`),
    enforcement: {
      action: 'deem_accepted',
      description:
        'When it passes with no rejection, the sweep deems the application accepted on its last ' +
        'day (审查期限届满之日起视为受理), as the system actor.',
    },
  },
  // 行政复议法 第三十一条第一款: 应当自收到申请之日起五日内书面通知申请人补正 (5 working days,
  // 第八十八条第二款); the notice lists every item at once (一次性载明).
  correction_notice: {
    kind: 'correction_notice',
    family: 'reconsideration',
    name: '补正通知期限',
    meaning: 'act_by',
    triggers: [{ event: 'application_received', basis: `${RECONSIDERATION_LAW} 第三十一条第一款` }],
    ...fixedPeriod(5, 'working_days', `${RECONSIDERATION_LAW} 第三十一条第一款`),
    enforcement: {
      action: 'refuse_command',
      description:
        'A correction request after it is refused (422); the notice lists every item at once.',
    },
  },
  // 行政复议法 第三十一条第二款: 申请人应当自收到补正通知之日起十日内提交补正材料 (10 working days,
  // 第八十八条第二款), from the applicant's receipt of the notice — no receipt recorded, no period.
  // 有正当理由不能按期补正的，行政复议机关可以延长合理的补正期限 (no maximum set). 无正当理由逾期
  // 不补正的，视为申请人放弃行政复议申请，并记录在案.
  correction_reply: {
    kind: 'correction_reply',
    family: 'reconsideration',
    name: '补正期限',
    meaning: 'act_by',
    triggers: [
      { event: 'correction_notice_received', basis: `${RECONSIDERATION_LAW} 第三十一条第二款` },
    ],
    periods: {
      variesBy: 'none',
      single: {
        length: 10,
        unit: 'working_days',
        basis: `${RECONSIDERATION_LAW} 第三十一条第二款`,
        // 可以延长合理的补正期限: repeatable; the law sets no maximum, so "reasonable" is read as at
        // most 30 working days per extension — three times the statutory 10 days, about six weeks,
        // the ceiling the law itself sets for extending the whole decision period (第六十二条).
        extension: {
          maxCount: null,
          unit: 'working_days',
          maxDays: 30,
          maxDaysReading:
            'Fuyi reads 合理的补正期限 as at most 30 working days per extension (three times the ' +
            'statutory 10 working days); the statute itself sets no maximum',
          approvedBy: '行政复议机关',
          basis: `${RECONSIDERATION_LAW} 第三十一条第二款`,
        },
      },
    },
    longerByOtherLaw: false,
    suspension: null,
    rollForward: true,
    enforcement: {
      action: 'deem_abandoned',
      description:
        'May be extended for a justified reason; when it passes with no materials, the sweep ' +
        'deems the application abandoned (视为放弃) and records it.',
    },
  },
  // 行政复议法 第四十八条: 自行政复议申请受理之日起七日内，将行政复议申请书副本…发送被申请人
  // (7 working days); 第五十四条 (simplified procedure): 三日内 (3 working days); 第八十八条第二款.
  copy_to_respondent: {
    kind: 'copy_to_respondent',
    family: 'reconsideration',
    name: '发送申请书副本期限',
    meaning: 'act_by',
    triggers: [
      { event: 'application_accepted', basis: `${RECONSIDERATION_LAW} 第四十八条、第五十四条` },
    ],
    ...fixedPeriods({
      variesBy: 'procedure',
      ordinary: period(7, 'working_days', `${RECONSIDERATION_LAW} 第四十八条`),
      simplified: period(3, 'working_days', `${RECONSIDERATION_LAW} 第五十四条`),
    } as const),
    enforcement: { action: 'flag_overdue', description: 'Tracked; flagged overdue.' },
  },
  // 行政复议法 第四十八条: 被申请人应当自收到…副本…之日起十日内，提出书面答复 (10 working days);
  // 第五十四条 (simplified): 五日内 (5 working days); 第八十八条第二款. 第七十条: no reply → the act is
  // treated as having no evidence or basis.
  respondent_reply: {
    kind: 'respondent_reply',
    family: 'reconsideration',
    name: '被申请人答复期限',
    meaning: 'act_by',
    triggers: [
      {
        event: 'copy_received_by_respondent',
        basis: `${RECONSIDERATION_LAW} 第四十八条、第五十四条`,
      },
    ],
    ...fixedPeriods({
      variesBy: 'procedure',
      ordinary: period(10, 'working_days', `${RECONSIDERATION_LAW} 第四十八条`),
      simplified: period(5, 'working_days', `${RECONSIDERATION_LAW} 第五十四条`),
    } as const),
    enforcement: {
      action: 'flag_overdue',
      description:
        'Tracked; a missing reply is recorded — the act is then treated as without evidence ' +
        '(行政复议法 第七十条).',
    },
  },
  // 行政复议法 第五十一条第一款: 应当于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人
  // (5 working days, 第八十八条第二款; 行政复议普通程序听证办法 第四条 "5个工作日前"). A minimum notice:
  // the computed date is the earliest permitted hearing date (noticeOn + 5 WD ≤ hearing date).
  hearing_notice: {
    kind: 'hearing_notice',
    family: 'reconsideration',
    name: '听证通知期限',
    meaning: 'not_before',
    triggers: [
      { event: 'hearing_notice_served', basis: `${RECONSIDERATION_LAW} 第五十一条第一款` },
    ],
    ...fixedPeriodNotRolled(
      5,
      'working_days',
      `${RECONSIDERATION_LAW} 第五十一条第一款; 行政复议普通程序听证办法 第四条`,
    ),
    enforcement: {
      action: 'refuse_command',
      description:
        'Scheduling or rescheduling a hearing earlier than this date after the written notice is ' +
        'refused (422).',
    },
  },
  // 行政复议法 第六十二条第一款: 普通程序…自受理申请之日起六十日内作出行政复议决定; extension once,
  // 经行政复议机构的负责人批准…并书面告知当事人；但是延长期限最多不得超过三十日.
  // 第六十二条第二款: 简易程序…三十日内 (no extension; switching to ordinary under 第五十五条
  // recomputes from the acceptance date). 第三十九条: suspension (中止) stops the clock.
  decision: {
    kind: 'decision',
    family: 'reconsideration',
    name: '复议决定期限',
    meaning: 'act_by',
    triggers: [{ event: 'application_accepted', basis: `${RECONSIDERATION_LAW} 第六十二条` }],
    periods: {
      variesBy: 'procedure',
      ordinary: {
        length: 60,
        unit: 'days',
        basis: `${RECONSIDERATION_LAW} 第六十二条第一款`,
        extension: {
          maxCount: 1,
          unit: 'days',
          maxDays: 30,
          approvedBy: '行政复议机构的负责人',
          basis: `${RECONSIDERATION_LAW} 第六十二条第一款`,
        },
      },
      simplified: period(30, 'days', `${RECONSIDERATION_LAW} 第六十二条第二款`),
    },
    longerByOtherLaw: false,
    suspension: { basis: `${RECONSIDERATION_LAW} 第三十九条` },
    rollForward: true,
    enforcement: {
      action: 'flag_overdue',
      description:
        'Suspended days push it back; ordinary procedure only: one extension of at most 30 ' +
        'days, approved by the office head before it passes, with written notice. Concluding ' +
        'late is allowed but recorded as overdue with a reason.',
    },
  },
  // 行政复议法 第四十一条第五项: 依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满
  // 六十日，行政复议中止的原因仍未消除 → 终止.
  suspension_termination: {
    kind: 'suspension_termination',
    family: 'reconsideration',
    name: '中止满六十日',
    meaning: 'act_by',
    triggers: [{ event: 'suspension_started', basis: `${RECONSIDERATION_LAW} 第四十一条第五项` }],
    ...fixedPeriod(60, 'days', `${RECONSIDERATION_LAW} 第四十一条第五项`),
    enforcement: {
      action: 'flag_for_termination',
      description:
        'When it passes with the cause (death, incapacity, organisation ended) persisting, the ' +
        'case is flagged for termination.',
    },
  },
  // 行政诉讼法 第四十五条: 不服复议决定的，可以在收到复议决定书之日起十五日内向人民法院提起诉讼。
  // 复议机关逾期不作决定的，申请人可以在复议期满之日起十五日内向人民法院提起诉讼 (alternative trigger).
  litigation_window: {
    kind: 'litigation_window',
    family: 'reconsideration',
    name: '起诉期限',
    meaning: 'act_by',
    triggers: [
      { event: 'decision_served', basis: `${LITIGATION_LAW} 第四十五条` },
      { event: 'decision_period_expired', basis: `${LITIGATION_LAW} 第四十五条` },
    ],
    ...fixedPeriod(15, 'days', `${LITIGATION_LAW} 第四十五条`),
    enforcement: {
      action: 'informational',
      description: 'After it, the case is final unless a lawsuit was filed.',
    },
  },
  // 行政诉讼法 第六十七条第一款: 被告应当在收到起诉状副本之日起十五日内…提交…证据…并提出答辩状.
  // 第三十四条: late evidence without cause counts as none. 行诉解释 第三十四条: when the court allows
  // later evidence, it is due 15 days after the justified cause ends (alternative trigger).
  defense_submission: {
    kind: 'defense_submission',
    family: 'litigation',
    name: '答辩举证期限',
    meaning: 'act_by',
    triggers: [
      { event: 'complaint_copy_received', basis: `${LITIGATION_LAW} 第六十七条第一款` },
      { event: 'evidence_obstacle_removed', basis: `${LITIGATION_INTERPRETATION} 第三十四条` },
    ],
    ...fixedPeriod(15, 'days', `${LITIGATION_LAW} 第六十七条第一款`),
    enforcement: {
      action: 'flag_overdue',
      description:
        'Tracked; evidence submitted late without cause counts as no evidence (行政诉讼法 第三十四条).',
    },
  },
  // 负责人出庭应诉规定 第五条第二款: 人民法院通知行政机关负责人出庭的，应当在开庭三日前送达出庭通知书.
  // A minimum notice in calendar days: the earliest session date; informational.
  appearance_notice: {
    kind: 'appearance_notice',
    family: 'litigation',
    name: '出庭通知期限',
    meaning: 'not_before',
    triggers: [{ event: 'appearance_notice_served', basis: `${OFFICIALS_IN_COURT} 第五条第二款` }],
    ...fixedPeriodNotRolled(3, 'days', `${OFFICIALS_IN_COURT} 第五条第二款`),
    enforcement: {
      action: 'informational',
      description: 'A session noticed with less than 3 days is shown as short notice.',
    },
  },
  // 负责人出庭应诉规定 第六条第一款: 行政机关负责人出庭应诉的，应当于开庭前向人民法院提交出庭应诉负责人的
  // 身份证明 (name, title, the agency's seal). 第十条第三款 and 行诉解释 第一百三十一条 ask the same of
  // the staff member appearing instead. "开庭前": at the latest on the session's day, before it opens
  // (0 days before the session). 第六条第二款: a proof that cannot be corrected in time counts as the
  // head not having appeared.
  identity_proof: {
    kind: 'identity_proof',
    family: 'litigation',
    name: '出庭身份证明提交期限',
    meaning: 'act_before',
    triggers: [{ event: 'court_session', basis: `${OFFICIALS_IN_COURT} 第六条第一款` }],
    ...fixedPeriodNotRolled(0, 'days', `${OFFICIALS_IN_COURT} 第六条第一款`),
    enforcement: {
      action: 'flag_overdue',
      description:
        'Tracked per court session; a proof missing or not correctable before the session counts ' +
        'as the head not having appeared (负责人出庭应诉规定 第六条第二款).',
    },
  },
  // 行政诉讼法 第八十一条: 应当在立案之日起六个月内作出第一审判决 (extension approved by the high
  // court); 第八十三条: 简易程序…立案之日起四十五日内审结. 行诉解释 第五十条: periods of public notice,
  // expert appraisal, mediation, suspension and jurisdiction disputes are not counted. The court's
  // term: informational.
  first_instance_term: {
    kind: 'first_instance_term',
    family: 'litigation',
    name: '一审审理期限',
    meaning: 'act_by',
    triggers: [{ event: 'case_filed', basis: `${LITIGATION_LAW} 第八十一条、第八十三条` }],
    periods: {
      variesBy: 'procedure',
      ordinary: {
        length: 6,
        unit: 'months',
        basis: `${LITIGATION_LAW} 第八十一条`,
        extension: {
          maxCount: null,
          unit: 'days',
          maxDays: null,
          approvedBy: '高级人民法院',
          basis: `${LITIGATION_LAW} 第八十一条`,
        },
      },
      simplified: period(45, 'days', `${LITIGATION_LAW} 第八十三条`),
    },
    longerByOtherLaw: false,
    suspension: { basis: `${LITIGATION_INTERPRETATION} 第五十条第一款` },
    rollForward: true,
    enforcement: { action: 'informational', description: "The court's term, informational." },
  },
  // 行政诉讼法 第八十五条: 不服第一审判决的，有权在判决书送达之日起十五日内…上诉；不服第一审裁定的，
  // 有权在裁定书送达之日起十日内…上诉.
  appeal_window: {
    kind: 'appeal_window',
    family: 'litigation',
    name: '上诉期限',
    meaning: 'act_by',
    triggers: [{ event: 'first_instance_decision_served', basis: `${LITIGATION_LAW} 第八十五条` }],
    ...fixedPeriods({
      variesBy: 'instrument',
      judgment: period(15, 'days', `${LITIGATION_LAW} 第八十五条`),
      ruling: period(10, 'days', `${LITIGATION_LAW} 第八十五条`),
    } as const),
    enforcement: {
      action: 'flag_overdue',
      description:
        'Tracked for the agency’s own appeal; after it the judgment or ruling takes effect.',
    },
  },
  // 行政诉讼法 第八十八条: 应当在收到上诉状之日起三个月内作出终审判决 (extension approved by the high
  // court); 行诉解释 第五十条 excludes the same periods as at first instance. 行诉解释 第五十条第一款
  // counts the terms from the filing (立案) of the appeal, 第二款 a retrial heard under the
  // second-instance procedure from the retrial's filing (alternative trigger). Informational.
  second_instance_term: {
    kind: 'second_instance_term',
    family: 'litigation',
    name: '二审审理期限',
    meaning: 'act_by',
    triggers: [
      { event: 'appeal_received', basis: `${LITIGATION_LAW} 第八十八条` },
      { event: 'case_filed', basis: `${LITIGATION_INTERPRETATION} 第五十条` },
    ],
    periods: {
      variesBy: 'none',
      single: {
        length: 3,
        unit: 'months',
        basis: `${LITIGATION_LAW} 第八十八条`,
        extension: {
          maxCount: null,
          unit: 'days',
          maxDays: null,
          approvedBy: '高级人民法院',
          basis: `${LITIGATION_LAW} 第八十八条`,
        },
      },
    },
    longerByOtherLaw: false,
    suspension: { basis: `${LITIGATION_INTERPRETATION} 第五十条第一款` },
    rollForward: true,
    enforcement: { action: 'informational', description: "The court's term, informational." },
  },
} as const satisfies { readonly [K in DeadlineKind]: DeadlineDefinition & { readonly kind: K } };

/*
 * Outer limits of the application period: beyond them no acceptance at all, whatever the trigger
 * of the 60-day period. Counted in months like any month period (same day-of-month, month end
 * when missing, roll-forward over rest days).
 */
export const APPLICATION_OUTER_LIMITS = {
  // 行政复议法 第二十条第三款: remedy rights not told → 自知道或者应当知道行政行为内容之日起最长不得超过一年.
  remedy_rights_not_told: {
    kind: 'remedy_rights_not_told',
    name: '未告知申请权利的最长期限',
    trigger: { event: 'act_content_known', basis: `${RECONSIDERATION_LAW} 第二十条第三款` },
    length: 12,
    unit: 'months',
    basis: `${RECONSIDERATION_LAW} 第二十条第三款`,
    description: 'One year from knowing the act’s content when the remedy rights were not told.',
  },
  // 行政复议法 第二十一条: 其他行政复议申请自行政行为作出之日起超过五年的…不予受理.
  act_made_general: {
    kind: 'act_made_general',
    name: '最长申请期限',
    trigger: { event: 'act_made', basis: `${RECONSIDERATION_LAW} 第二十一条` },
    length: 60,
    unit: 'months',
    basis: `${RECONSIDERATION_LAW} 第二十一条`,
    description: 'Five years from the act: beyond it, no acceptance at all.',
  },
  // 行政复议法 第二十一条: 因不动产提出的行政复议申请自行政行为作出之日起超过二十年的…不予受理.
  act_made_real_estate: {
    kind: 'act_made_real_estate',
    name: '不动产最长申请期限',
    trigger: { event: 'act_made', basis: `${RECONSIDERATION_LAW} 第二十一条` },
    length: 240,
    unit: 'months',
    basis: `${RECONSIDERATION_LAW} 第二十一条`,
    description: 'Twenty years from the act for real estate: beyond it, no acceptance at all.',
  },
} as const satisfies {
  readonly [K in OuterLimitKind]: OuterLimitDefinition & { readonly kind: K };
};
