/** A period length (or other period argument) outside what any statute could ask for. */
export class PeriodArgumentError extends Error {
  readonly code = 'period_argument_invalid';

  constructor(
    readonly argument: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`Invalid ${argument} ${JSON.stringify(value)}: ${reason}`);
    this.name = 'PeriodArgumentError';
  }
}
