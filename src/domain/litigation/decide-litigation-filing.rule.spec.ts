import { decideLitigationFiling } from './decide-litigation-filing.rule';
import type { LitigationFilingInput } from './decide-litigation-filing.rule';
import { baseLitigationFacts, d } from './litigation-facts.fixture';

const TODAY = d('2024-10-15');

const filing = (overrides: Partial<LitigationFilingInput> = {}): LitigationFilingInput => ({
  courtCaseNumber: '(2024)赣0281行初12号',
  instance: 'first',
  filedOn: d('2024-09-18'),
  complaintReceivedOn: d('2024-09-20'),
  ...overrides,
});

describe('decideLitigationFiling', () => {
  it('gives the initial facts, the canonical case number and the created event', () => {
    expect(decideLitigationFiling(filing(), TODAY)).toEqual({
      ok: true,
      courtCaseNumber: expect.objectContaining({
        canonical: '（2024）赣0281行初12号',
        instance: 'first',
      }),
      facts: baseLitigationFacts(),
      event: {
        type: 'created',
        occurredOn: '2024-09-20',
        payload: {
          courtCaseNumber: '（2024）赣0281行初12号',
          instance: 'first',
          procedure: 'ordinary',
          filedOn: '2024-09-18',
          complaintReceivedOn: '2024-09-20',
        },
      },
    });
  });

  it('accepts a case without a filing date, and a 行审 number for any instance', () => {
    expect(
      decideLitigationFiling(
        filing({
          courtCaseNumber: '（2024）赣0281行审3号',
          filedOn: undefined,
          instance: 'second',
        }),
        TODAY,
      ),
    ).toMatchObject({ ok: true, facts: { filedOn: null, instance: 'second' } });
  });

  it('keeps the procedure a retrial follows', () => {
    expect(
      decideLitigationFiling(
        filing({
          courtCaseNumber: '（2024）赣行再1号',
          instance: 'retrial',
          retrialProcedure: 'first_instance',
        }),
        TODAY,
      ),
    ).toMatchObject({ ok: true, facts: { retrialProcedure: 'first_instance' } });
  });

  it('answers 400 with every malformed field', () => {
    expect(
      decideLitigationFiling(
        filing({
          courtCaseNumber: '（2024）赣0281民初12号',
          instance: 'third' as never,
          procedure: 'fast' as never,
          complaintReceivedOn: '2024-13-01' as never,
        }),
        TODAY,
      ),
    ).toEqual({
      ok: false,
      refusal: {
        kind: 'invalid',
        errors: [
          { field: 'courtCaseNumber', message: expect.stringContaining('民初') },
          { field: 'instance', message: expect.any(String) },
          { field: 'procedure', message: expect.any(String) },
          { field: 'complaintReceivedOn', message: expect.any(String) },
        ],
      },
    });
  });

  it('refuses a case number from a later year than today', () => {
    expect(
      decideLitigationFiling(filing({ courtCaseNumber: '（2025）赣0281行初1号' }), TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', errors: [{ field: 'courtCaseNumber' }] },
    });
  });

  it('refuses a retrial procedure on another instance as malformed', () => {
    expect(
      decideLitigationFiling(filing({ retrialProcedure: 'first_instance' }), TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', errors: [{ field: 'retrialProcedure' }] },
    });
  });

  it.each([
    [
      'an instance contradicting the type code',
      { instance: 'second' as const },
      'instance_mismatch',
    ],
    [
      'the simplified procedure at second instance',
      {
        courtCaseNumber: '（2024）赣02行终7号',
        instance: 'second' as const,
        procedure: 'simplified' as const,
      },
      'simplified_procedure_not_allowed',
    ],
    [
      'the simplified procedure in a retrial',
      {
        courtCaseNumber: '（2024）赣行再7号',
        instance: 'retrial' as const,
        procedure: 'simplified' as const,
      },
      'simplified_procedure_not_allowed',
    ],
    ['a receipt in the future', { complaintReceivedOn: d('2024-10-16') }, 'date_in_future'],
    ['a filing in the future', { filedOn: d('2024-10-16') }, 'date_in_future'],
    ['a receipt before the filing', { filedOn: d('2024-09-21') }, 'dates_out_of_order'],
  ])('refuses %s with 422', (_what, overrides, rule) => {
    expect(decideLitigationFiling(filing(overrides), TODAY)).toMatchObject({
      ok: false,
      refusal: { kind: 'rule', httpStatus: 422, rule },
    });
  });
});
