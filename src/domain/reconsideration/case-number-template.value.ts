export type NumberKind = 'receipt' | 'case';

/** Used when a body configured no template of its own. */
export const DEFAULT_NUMBER_TEMPLATES: Readonly<Record<NumberKind, string>> = {
  receipt: '{code}复收〔{year}〕{seq}号',
  case: '{code}复〔{year}〕{seq}号',
};

/**
 * A receipt or case number from the body's template, e.g. `乐府复〔{year}〕{seq}号` → 乐府复〔2024〕12号
 * (no leading zeros, DESIGN "Numbers").
 */
export function formatCaseNumber(
  template: string,
  values: { code: string; year: number; seq: number },
): string {
  return template
    .replaceAll('{code}', values.code)
    .replaceAll('{year}', String(values.year))
    .replaceAll('{seq}', String(values.seq));
}
