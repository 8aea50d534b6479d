import type { EntityManager } from 'typeorm';

export type NumberKind = 'receipt' | 'case';

const DEFAULT_TEMPLATES: Record<NumberKind, string> = {
  receipt: '{code}复收〔{year}〕{seq}号',
  case: '{code}复〔{year}〕{seq}号',
};

/**
 * The next number of a per-agency, per-year sequence. The sequence row stays locked until the
 * command's transaction ends, so numbers are gapless: a rolled-back command gives its number back.
 */
export async function nextNumber(
  manager: EntityManager,
  agencyId: string,
  kind: NumberKind,
  year: number,
): Promise<string> {
  const [sequence] = await manager.query<Array<{ last_value: number }>>(
    `INSERT INTO number_sequence (agency_id, kind, year, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (agency_id, kind, year) DO UPDATE SET last_value = number_sequence.last_value + 1
     RETURNING last_value`,
    [agencyId, kind, year],
  );
  const [agency] = await manager.query<
    Array<{
      code: string;
      receipt_number_template: string | null;
      case_number_template: string | null;
    }>
  >('SELECT code, receipt_number_template, case_number_template FROM agency WHERE id = $1', [
    agencyId,
  ]);
  const template =
    (kind === 'receipt' ? agency.receipt_number_template : agency.case_number_template) ??
    DEFAULT_TEMPLATES[kind];
  return template
    .replaceAll('{code}', agency.code)
    .replaceAll('{year}', String(year))
    .replaceAll('{seq}', String(sequence.last_value));
}
