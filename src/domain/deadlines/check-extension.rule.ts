import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { dayNumberOf } from '../calendar/legal-date.value';
import { computeDeadline, selectPeriodRule } from './compute-deadline.rule';
import type { DeadlineInput } from './compute-deadline.rule';
import { DeadlineInputError } from './deadline-input.error';
import type { ExtensionEntry } from './deadline-ledger.type';
import type { DeadlineRecord } from './deadline-record.type';

export type ExtensionRefusal =
  | 'extension_not_allowed'
  | 'extension_once_only'
  | 'extension_limit_reached'
  | 'extension_too_long'
  | 'extension_days_invalid'
  | 'extension_after_due'
  | 'extension_before_trigger';

/** Why an extension cannot be added (answered as a 422). */
export interface ExtensionRefused {
  readonly ok: false;
  /** Machine-readable rule, for problem+json `rule`. */
  readonly rule: ExtensionRefusal;
  /** Statute and article, for problem+json `basis`. */
  readonly basis: string | null;
  readonly detail: string;
}

export type ExtensionCheck =
  { readonly ok: true; readonly next: DeadlineRecord } | ExtensionRefused;

/**
 * May this extension be added to the deadline? Returns the recomputed deadline, or the rule it
 * breaks (for a 422). Beyond what {@link computeDeadline} checks structurally (allowed at all, how
 * many, how long), an extension must be approved before the deadline passes: 行政复议法 第六十二条
 * 第一款 (不能在规定期限内作出…的，经…批准，可以适当延长) presupposes the period is still running,
 * so an approval after the current due date is refused. A deadline paused by a suspension that
 * began in time has not passed (the decision is taken on the due date the period had when the
 * suspension began); a suspension that began after the deadline passed does not pause it, so an
 * extension during it is refused as well.
 */
export function checkExtension(
  calendar: LegalCalendar,
  input: DeadlineInput,
  extension: ExtensionEntry,
): ExtensionCheck {
  const current = computeDeadline(calendar, input);
  const { rule: periodRule } = selectPeriodRule(input.kind, input);
  if (current.dueOn !== null && dayNumberOf(extension.approvedOn) > dayNumberOf(current.dueOn)) {
    return {
      ok: false,
      rule: 'extension_after_due',
      basis: periodRule.extension?.basis ?? periodRule.basis,
      detail: `the deadline passed on ${current.dueOn}; an extension approved on ${extension.approvedOn} is too late`,
    };
  }
  const ledger = input.ledger ?? {};
  try {
    const next = computeDeadline(calendar, {
      ...input,
      ledger: { ...ledger, extensions: [...(ledger.extensions ?? []), extension] },
    });
    return { ok: true, next };
  } catch (error) {
    if (!(error instanceof DeadlineInputError)) throw error;
    let rule: ExtensionRefusal;
    switch (error.code) {
      case 'extension_limit_reached':
        rule = periodRule.extension?.maxCount === 1 ? 'extension_once_only' : error.code;
        break;
      case 'entry_before_trigger':
        rule = 'extension_before_trigger';
        break;
      case 'extension_not_allowed':
      case 'extension_too_long':
      case 'extension_days_invalid':
        rule = error.code;
        break;
      // Not about the extension: the input was already wrong before it.
      case 'unknown_kind':
      case 'procedure_required':
      case 'instrument_required':
      case 'trigger_not_allowed':
      case 'length_override_not_allowed':
      case 'length_override_shorter':
      case 'suspension_not_allowed':
      case 'suspension_reversed':
      case 'suspension_overlap':
        throw error;
    }
    return { ok: false, rule, basis: error.basis ?? null, detail: error.message };
  }
}
