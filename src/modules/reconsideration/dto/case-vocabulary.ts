/**
 * Codes of the fields of administration and kinds of act (DESIGN, "Statistics"), each with its
 * Chinese term. The field list is the default dictionary; offices may use `other`.
 */
export const ADMINISTRATIVE_FIELDS = {
  public_security: '公安',
  natural_resources: '自然资源',
  market_regulation: '市场监管',
  human_resources_social_security: '人力资源和社会保障',
  housing_construction: '住房城乡建设',
  transport: '交通运输',
  ecology_environment: '生态环境',
  agriculture_rural: '农业农村',
  other: '其他',
} as const;
export type AdministrativeField = keyof typeof ADMINISTRATIVE_FIELDS;

export const ACT_KINDS = {
  administrative_penalty: '行政处罚',
  complaint_handling: '举报投诉处理',
  information_disclosure: '政府信息公开',
  expropriation: '行政征收',
  confirmation: '行政确认',
  enforcement: '行政强制',
  inaction: '行政不作为',
  ownership_determination: '行政确权',
  licensing: '行政许可',
  work_injury_determination: '工伤认定',
  other: '其他',
} as const;
export type ActKind = keyof typeof ACT_KINDS;

export function describeCodes(codes: Record<string, string>): string {
  return Object.entries(codes)
    .map(([code, term]) => `${code} ${term}`)
    .join(' | ');
}
