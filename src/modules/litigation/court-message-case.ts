import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { yearOf, type LegalDate } from '../../domain/calendar/legal-date.value';
import { parseCourtCaseNumber } from '../../domain/litigation/court-case-number.value';
import type { CommandTransaction } from '../commands/command-runner';
import type { LitigationCaseEntity } from './litigation-case.entity';
import type { LitigationCaseRepository } from './litigation-case.repository';

/** The canonical 案号 a court message names; 400 naming `courtCaseNumber` when it is malformed. */
export function canonicalCourtCaseNumber(courtCaseNumber: string, today: LegalDate): string {
  const parsed = parseCourtCaseNumber(courtCaseNumber, { latestYear: yearOf(today) });
  if (!parsed.ok) {
    throw validationProblem([{ field: 'courtCaseNumber', message: parsed.message }]);
  }
  return parsed.value.canonical;
}

/** The caller's case a court message names by its 案号, locked for the command; 404 when unknown. */
export async function lockCaseOfCourtMessage(
  cases: LitigationCaseRepository,
  tx: CommandTransaction,
  courtCaseNumber: string,
): Promise<LitigationCaseEntity> {
  const agencyId = TenantScope.agencyForNew(tx.actor);
  const canonical = canonicalCourtCaseNumber(courtCaseNumber, tx.today);
  const entity = await cases.lockByCourtCaseNumber(tx.manager, agencyId, canonical);
  if (entity === null) throw notFoundProblem(`Litigation case ${canonical}`);
  return entity;
}
