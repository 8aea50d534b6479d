import fc from 'fast-check';
import { dayNumberFromParts, legalDateFromDayNumber } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { OUTCOMES, TERMINATION_REASONS } from '../reconsideration/reconsideration-case.types';
import type { CaseHistory } from './tally-cases.rule';

/** Random but well-ordered case histories around 2024–2025, for property tests. */
const START = dayNumberFromParts(2023, 11, 1);
const SPAN = 820;

const day = (n: number): LegalDate => legalDateFromDayNumber(n);

export const caseHistoryArbitrary: fc.Arbitrary<CaseHistory> = fc
  .record({
    received: fc.integer({ min: 0, max: SPAN }),
    path: fc.constantFrom('pending', 'rejected', 'abandoned', 'review', 'concluded'),
    gaps: fc.array(fc.integer({ min: 0, max: 70 }), { minLength: 6, maxLength: 6 }),
    deemed: fc.boolean(),
    outcome: fc.constantFrom(...OUTCOMES),
    terminationReason: fc.constantFrom(...TERMINATION_REASONS),
    suspended: fc.constantFrom('none', 'closed', 'open'),
    extended: fc.boolean(),
    late: fc.boolean(),
    hearings: fc.integer({ min: 0, max: 2 }),
    litigated: fc.boolean(),
    field: fc.constantFrom('public_security', 'natural_resources', 'other'),
    actKind: fc.constantFrom('administrative_penalty', 'licensing'),
    applicantKind: fc.constantFrom('person', 'organization'),
    procedure: fc.constantFrom('ordinary', 'simplified'),
  })
  .map((r): CaseHistory => {
    const received = START + r.received;
    const [g1, g2, g3, g4, g5, g6] = r.gaps;
    const accepted = received + g1;
    const suspendedOn = accepted + g2;
    const resumedOn = suspendedOn + 1 + g3;
    const extendedOn = accepted + g4;
    const concluded = Math.max(accepted + g2 + g5, r.suspended === 'closed' ? resumedOn : 0);
    const isAccepted = r.path === 'review' || r.path === 'concluded';
    const isConcluded = r.path === 'concluded';
    const suspensions =
      !isAccepted || r.suspended === 'none' || (isConcluded && r.suspended === 'open')
        ? []
        : [
            {
              suspendedOn: day(suspendedOn),
              resumedOn: r.suspended === 'closed' ? day(resumedOn) : null,
            },
          ];
    return {
      receivedOn: day(received),
      acceptedOn: isAccepted ? day(accepted) : null,
      acceptedHow: isAccepted ? (r.deemed ? 'deemed' : 'decided') : null,
      rejectedOn: r.path === 'rejected' ? day(received + g1) : null,
      abandonedOn: r.path === 'abandoned' ? day(received + g1 + 10) : null,
      concludedOn: isConcluded ? day(concluded) : null,
      outcome: isConcluded ? r.outcome : null,
      terminationReason: isConcluded && r.outcome === 'terminated' ? r.terminationReason : null,
      concludedLate: isConcluded && r.late,
      decisionDueOn: isAccepted ? day(accepted + 60 + (r.late ? -g6 - 1 : g6)) : null,
      suspensions,
      extensionApprovedOn: isAccepted && r.extended ? day(extendedOn) : null,
      hearingsHeldOn: isAccepted
        ? Array.from({ length: r.hearings }, (_, i) => day(accepted + 5 + i * 9))
        : [],
      litigatedOn: isConcluded && r.litigated ? day(concluded + g6) : null,
      field: r.field,
      actKind: r.actKind,
      applicantKind: r.applicantKind,
      procedure: r.procedure,
    };
  });

export const historiesArbitrary = fc.array(caseHistoryArbitrary, { maxLength: 60 });
