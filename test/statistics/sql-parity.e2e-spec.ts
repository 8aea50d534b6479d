import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { TenantScope } from '../../src/common/tenancy/tenant-scope';
import {
  DEFAULT_CORRECTION_OUTCOMES,
  DECISION_OUTCOMES,
} from '../../src/domain/reconsideration/closure.rule';
import { caseHistoryArbitrary } from '../../src/domain/statistics/case-history.fixture';
import { monthsOf, parseYear } from '../../src/domain/statistics/statistics-period.value';
import { tallyCases, type CaseHistory } from '../../src/domain/statistics/tally-cases.rule';
import { StatisticsRepository } from '../../src/modules/statistics/statistics.repository';
import { createTestApp, type TestApp } from '../setup/test-app';

/*
 * The aggregate SQL of the statistics repository agrees with the reference definition
 * (tally-cases.rule.ts) on random case histories written straight into the table: every flow,
 * stock and breakdown of every month of two years. (Hearings and lawsuits are covered by the
 * API-built year in statistics.e2e-spec.ts.)
 */

const SETS = {
  correctionOutcomes: DEFAULT_CORRECTION_OUTCOMES,
  decisionOutcomes: DECISION_OUTCOMES,
};

function statusOf(history: CaseHistory): string {
  if (history.concludedOn) return 'concluded';
  if (history.rejectedOn) return 'rejected';
  if (history.abandonedOn) return 'abandoned';
  if (history.acceptedOn) {
    return history.suspensions.some((s) => s.resumedOn === null) ? 'suspended' : 'under_review';
  }
  return 'received';
}

async function insert(t: TestApp, agencyId: string, histories: CaseHistory[]): Promise<void> {
  for (const [index, h] of histories.entries()) {
    const open = h.suspensions.find((s) => s.resumedOn === null) ?? null;
    const closed = h.suspensions.filter((s) => s.resumedOn !== null);
    await t.dataSource.query(
      `INSERT INTO reconsideration_case (
         agency_id, receipt_number, status, procedure, major, hearing_requested, channel,
         applicants, applicant_type, third_parties, respondent_name, contested_act, field,
         act_kind, known_on, received_on, real_estate, remedy_rights_not_told, requests,
         review_start_on, correction_items, suspensions, search_text, version,
         accepted_on, accepted_how, rejected_on, abandoned_on, concluded_on, outcome,
         termination_reason, concluded_late, decision_due_on, suspended_on, suspension_ground,
         extension)
       VALUES ($1, $2, $3, $4, false, false, 'in_person', '[]', $5, '[]', '被申请人', '{}', $6,
               $7, $8, $8, false, false, '请求', $8, '[]', $9, '', 1,
               $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        agencyId,
        `P${index}-${randomUUID()}`,
        statusOf(h),
        h.procedure,
        h.applicantKind,
        h.field,
        h.actKind,
        h.receivedOn,
        JSON.stringify(closed.map((s) => ({ ...s, ground: 'other' }))),
        h.acceptedOn,
        h.acceptedHow,
        h.rejectedOn,
        h.abandonedOn,
        h.concludedOn,
        h.outcome,
        h.terminationReason,
        h.concludedLate,
        h.decisionDueOn,
        open?.suspendedOn ?? null,
        open ? 'other' : null,
        h.extensionApprovedOn
          ? JSON.stringify({
              approvedOn: h.extensionApprovedOn,
              days: 10,
              reason: 'x',
              approvedBy: null,
            })
          : null,
      ],
    );
  }
}

describe('statistics SQL agrees with the reference definition', () => {
  let t: TestApp;
  let repository: StatisticsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    repository = t.app.get(StatisticsRepository);
  });
  afterAll(() => t.close());

  it('on random case histories, month by month', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseHistoryArbitrary, { maxLength: 40 }), async (generated) => {
        const histories = generated.map((h) => ({ ...h, hearingsHeldOn: [], litigatedOn: null }));
        const agencyId = randomUUID();
        await insert(t, agencyId, histories);
        let received = 0;
        for (const year of ['2024', '2025']) {
          const months = monthsOf(parseYear(year));
          const sql = await repository.inSnapshot((manager) =>
            repository.monthlyTallies(manager, TenantScope.of(agencyId), months, SETS),
          );
          months.forEach((month, index) => {
            expect(sql[index]).toEqual(tallyCases(histories, month, SETS));
            received += sql[index].received;
          });
        }
        expect(received).toBe(
          histories.filter((h) => h.receivedOn >= '2024-01-01' && h.receivedOn <= '2025-12-31')
            .length,
        );
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
