import { DEFAULT_NUMBER_TEMPLATES, formatCaseNumber } from './case-number-template.value';

describe('formatCaseNumber', () => {
  it.each([
    ['乐府复〔{year}〕{seq}号', '乐府复〔2024〕12号'],
    [DEFAULT_NUMBER_TEMPLATES.receipt, 'LP复收〔2024〕12号'],
    [DEFAULT_NUMBER_TEMPLATES.case, 'LP复〔2024〕12号'],
    ['{code}-{year}-{seq}-{seq}', 'LP-2024-12-12'],
  ])('fills %s as %s, without leading zeros', (template, expected) => {
    expect(formatCaseNumber(template, { code: 'LP', year: 2024, seq: 12 })).toBe(expected);
  });
});
