/** Why a deadline computation's input is not acceptable. */
export type DeadlineInputErrorCode =
  | 'unknown_kind'
  | 'procedure_required'
  | 'instrument_required'
  | 'trigger_not_allowed'
  | 'length_override_not_allowed'
  | 'length_override_shorter'
  | 'suspension_not_allowed'
  | 'suspension_reversed'
  | 'suspension_overlap'
  | 'entry_before_trigger'
  | 'extension_not_allowed'
  | 'extension_days_invalid'
  | 'extension_too_long'
  | 'extension_limit_reached';

/**
 * A deadline computation asked for something the catalogue does not allow (a wrong variant or
 * trigger, an extension where the statute gives none, overlapping suspensions …). `basis` names
 * the article when a statute is what refuses it.
 */
export class DeadlineInputError extends Error {
  constructor(
    readonly code: DeadlineInputErrorCode,
    message: string,
    readonly basis?: string,
  ) {
    super(message);
    this.name = 'DeadlineInputError';
  }
}
