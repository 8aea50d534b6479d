/** A value that is not a real calendar date written as `YYYY-MM-DD`. */
export class InvalidLegalDateError extends Error {
  readonly code = 'invalid_legal_date';

  constructor(readonly value: unknown) {
    super(`Not a legal date (YYYY-MM-DD, a real calendar day): ${JSON.stringify(value)}`);
    this.name = 'InvalidLegalDateError';
  }
}
