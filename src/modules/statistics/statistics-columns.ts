import type { Ratio } from '../../domain/statistics/ratio.value';
import type {
  BreakdownFigures,
  PeriodFigures,
  ReconsiderationFigures,
} from '../../domain/statistics/statistics-report';
import { ACT_KINDS, ADMINISTRATIVE_FIELDS } from '../reconsideration/dto/case-vocabulary';

/*
 * The columns of the CSV and XLSX exports (the layout offices use: rows are months, column groups
 * flows, outcomes, rates), each with its Chinese header and the sheet it belongs to. A rate is
 * three columns: the percentage, its numerator (分子) and denominator (分母).
 */

export const SHEETS = [
  '行政复议收案与结案',
  '审理结果',
  '纠错率等指标',
  '行政应诉',
  '负责人出庭应诉',
] as const;
export type SheetName = (typeof SHEETS)[number];

export type StatisticsColumn =
  | {
      readonly sheet: SheetName;
      readonly header: string;
      readonly count: (figures: PeriodFigures) => number | null;
    }
  | {
      readonly sheet: SheetName;
      readonly header: string;
      readonly rate: (figures: PeriodFigures) => Ratio;
    };

const r = (figures: PeriodFigures) => figures.reconsideration;
const l = (figures: PeriodFigures) => figures.litigation;
const variant = (name: string) => (figures: PeriodFigures) => {
  const found = l(figures).appearanceRates.find((rate) => rate.name === name);
  return found ?? { numerator: 0, denominator: 0, value: null };
};

export const STATISTICS_COLUMNS: readonly StatisticsColumn[] = [
  { sheet: '行政复议收案与结案', header: '新收', count: (f) => r(f).received },
  { sheet: '行政复议收案与结案', header: '受理', count: (f) => r(f).accepted },
  { sheet: '行政复议收案与结案', header: '其中视为受理', count: (f) => r(f).acceptedDeemed },
  { sheet: '行政复议收案与结案', header: '不予受理', count: (f) => r(f).rejected },
  { sheet: '行政复议收案与结案', header: '视为放弃', count: (f) => r(f).abandoned },
  { sheet: '行政复议收案与结案', header: '审结', count: (f) => r(f).concluded },
  { sheet: '行政复议收案与结案', header: '办结', count: (f) => r(f).handled },
  { sheet: '行政复议收案与结案', header: '期初未结', count: (f) => r(f).pendingAtStart },
  { sheet: '行政复议收案与结案', header: '期末未结', count: (f) => r(f).pendingAtEnd },
  { sheet: '行政复议收案与结案', header: '期末中止', count: (f) => r(f).suspendedAtEnd },
  { sheet: '行政复议收案与结案', header: '本期延期', count: (f) => r(f).extended },
  { sheet: '行政复议收案与结案', header: '期末已延期', count: (f) => r(f).extendedAtEnd },
  { sheet: '行政复议收案与结案', header: '期末超期', count: (f) => r(f).overdueAtEnd },
  { sheet: '行政复议收案与结案', header: '超期审结', count: (f) => r(f).concludedLate },
  { sheet: '行政复议收案与结案', header: '听证', count: (f) => r(f).hearingsHeld },
  { sheet: '行政复议收案与结案', header: '平均审理天数', count: (f) => r(f).handlingDays.mean },
  { sheet: '行政复议收案与结案', header: '最长审理天数', count: (f) => r(f).handlingDays.max },
  { sheet: '审理结果', header: '变更', count: (f) => r(f).concludedByOutcome.change },
  { sheet: '审理结果', header: '撤销', count: (f) => r(f).concludedByOutcome.revoke },
  { sheet: '审理结果', header: '确认违法', count: (f) => r(f).concludedByOutcome.confirm_illegal },
  {
    sheet: '审理结果',
    header: '责令履行',
    count: (f) => r(f).concludedByOutcome.order_performance,
  },
  { sheet: '审理结果', header: '确认无效', count: (f) => r(f).concludedByOutcome.confirm_invalid },
  { sheet: '审理结果', header: '维持', count: (f) => r(f).concludedByOutcome.uphold },
  {
    sheet: '审理结果',
    header: '驳回复议请求',
    count: (f) => r(f).concludedByOutcome.dismiss_request,
  },
  {
    sheet: '审理结果',
    header: '驳回复议申请',
    count: (f) => r(f).concludedByOutcome.dismiss_application,
  },
  { sheet: '审理结果', header: '调解', count: (f) => r(f).concludedByOutcome.mediation },
  { sheet: '审理结果', header: '终止', count: (f) => r(f).concludedByOutcome.terminated },
  { sheet: '审理结果', header: '其中撤回终止', count: (f) => r(f).terminatedByWithdrawal },
  { sheet: '纠错率等指标', header: '纠错率', rate: (f) => r(f).correctionRate },
  { sheet: '纠错率等指标', header: '纠错率(占审结)', rate: (f) => r(f).correctionRateOfConcluded },
  { sheet: '纠错率等指标', header: '调撤率', rate: (f) => r(f).mediationWithdrawalRate },
  { sheet: '纠错率等指标', header: '案结事了率', rate: (f) => r(f).noFurtherLitigationRate },
  { sheet: '行政应诉', header: '一审新收', count: (f) => l(f).newByInstance.first },
  { sheet: '行政应诉', header: '二审新收', count: (f) => l(f).newByInstance.second },
  { sheet: '行政应诉', header: '再审新收', count: (f) => l(f).newByInstance.retrial },
  { sheet: '行政应诉', header: '审结', count: (f) => l(f).concluded },
  { sheet: '行政应诉', header: '其中判决', count: (f) => l(f).concludedByJudgment },
  { sheet: '行政应诉', header: '败诉', count: (f) => l(f).lost },
  { sheet: '行政应诉', header: '败诉率', rate: (f) => l(f).lossRate },
  { sheet: '行政应诉', header: '判决败诉率', rate: (f) => l(f).lossRateOfJudgments },
  { sheet: '行政应诉', header: '复议维持共同被告', count: (f) => l(f).coDefendant },
  { sheet: '行政应诉', header: '司法建议', count: (f) => l(f).judicialRecommendations },
  { sheet: '负责人出庭应诉', header: '开庭', count: (f) => l(f).sessionsHeld },
  {
    sheet: '负责人出庭应诉',
    header: '负责人出庭应诉率(案件审级)',
    rate: variant('per_case_instance'),
  },
  {
    sheet: '负责人出庭应诉',
    header: '负责人出庭应诉率(通知出庭)',
    rate: variant('per_summoned_case_instance'),
  },
  {
    sheet: '负责人出庭应诉',
    header: '负责人出庭应诉率(个次)',
    rate: variant('per_defendant_case_instance'),
  },
  { sheet: '负责人出庭应诉', header: '正职出庭率', rate: (f) => l(f).principalHeadRate },
  { sheet: '负责人出庭应诉', header: '出庭出声率', rate: (f) => l(f).spokeOnMeritsRate },
  {
    sheet: '负责人出庭应诉',
    header: '不可抗力',
    count: (f) => l(f).absencesByReason.force_majeure,
  },
  { sheet: '负责人出庭应诉', header: '意外事件', count: (f) => l(f).absencesByReason.accident },
  {
    sheet: '负责人出庭应诉',
    header: '需履行他人不能代替的公务',
    count: (f) => l(f).absencesByReason.irreplaceable_duty,
  },
  {
    sheet: '负责人出庭应诉',
    header: '其他正当事由',
    count: (f) => l(f).absencesByReason.other_legitimate,
  },
  { sheet: '负责人出庭应诉', header: '无正当理由未出庭', count: (f) => l(f).unexcusedAbsences },
];

/** The flat headers of a set of columns (a rate gives three). */
export function headersOf(columns: readonly StatisticsColumn[]): string[] {
  return columns.flatMap((column) =>
    'rate' in column
      ? [`${column.header}(%)`, `${column.header}分子`, `${column.header}分母`]
      : [column.header],
  );
}

/** The XLSX sheet of the breakdowns (分类统计) of the report's period. */
export const BREAKDOWN_SHEET = '分类统计';
export const BREAKDOWN_HEADERS = [
  '分类维度',
  '类别',
  '新收',
  '受理',
  '审结',
  '纠错率(%)',
  '纠错率分子',
  '纠错率分母',
] as const;

const BREAKDOWN_DIMENSIONS = [
  { key: 'byField', name: '行政管理领域', terms: ADMINISTRATIVE_FIELDS },
  { key: 'byActKind', name: '行政行为类别', terms: ACT_KINDS },
  {
    key: 'byApplicantKind',
    name: '申请人类别',
    terms: { person: '自然人', organization: '法人或者其他组织', mixed: '多类申请人' },
  },
  { key: 'byProcedure', name: '审理程序', terms: { ordinary: '普通程序', simplified: '简易程序' } },
] as const satisfies readonly {
  key: keyof ReconsiderationFigures;
  name: string;
  terms: Readonly<Record<string, string>>;
}[];

/** Each dimension's values in the dictionary's order (unknown codes last, as stored). */
export function breakdownRows(
  figures: ReconsiderationFigures,
): { dimension: string; value: string; figures: BreakdownFigures }[] {
  return BREAKDOWN_DIMENSIONS.flatMap(({ key, name, terms }) => {
    const entries = figures[key];
    const known: readonly string[] = Object.keys(terms);
    const codes = [
      ...known.filter((code) => code in entries),
      ...Object.keys(entries).filter((code) => !known.includes(code)),
    ];
    return codes.map((code) => ({
      dimension: name,
      value: (terms as Readonly<Record<string, string>>)[code] ?? code,
      figures: entries[code],
    }));
  });
}
