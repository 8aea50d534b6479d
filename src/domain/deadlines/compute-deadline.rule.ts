import { monthsLaterDayNumber } from '../calendar/add-months.period';
import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { dayNumberOf } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { PeriodArgumentError } from '../calendar/period-argument.error';
import { assertPeriodLength, MAX_PERIOD_LENGTH } from '../calendar/period-length.guard';
import type { PeriodUnit } from '../calendar/period-unit.type';
import { DEADLINE_CATALOGUE } from './deadline-catalogue';
import type {
  AppealedInstrument,
  DeadlineDefinition,
  DeadlineKind,
  PeriodRule,
  PeriodVariant,
  Procedure,
  TriggerEvent,
} from './deadline-definition.type';
import { DeadlineInputError } from './deadline-input.error';
import type { DeadlineLedger, ExtensionEntry, SuspensionEntry } from './deadline-ledger.type';
import type { DeadlineAdjustment, DeadlineRecord } from './deadline-record.type';
import { yearsTouched } from './years-touched.rule';

export interface DeadlineInput {
  readonly kind: DeadlineKind;
  /** The date of the trigger event (never counted: 民事诉讼法 第八十五条第二款). */
  readonly triggerOn: LegalDate;
  /** Defaults to the catalogue's first trigger; must be one the catalogue lists for the kind. */
  readonly triggerEvent?: TriggerEvent;
  /** Required for kinds whose period depends on the procedure (decision, copy, reply, terms). */
  readonly procedure?: Procedure;
  /** Required for the appeal window: judgment (15 days) or ruling (10 days). */
  readonly instrument?: AppealedInstrument;
  /**
   * A longer period set by another law (行政复议法 第二十条第一款 但书), same unit; only for kinds
   * marked `longerByOtherLaw`.
   */
  readonly lengthOverride?: { readonly length: number; readonly basis: string };
  readonly ledger?: DeadlineLedger;
}

interface LedgerItem {
  readonly on: number;
  readonly suspension: SuspensionEntry | null;
  readonly extension: ExtensionEntry | null;
}

/** A catalogue entry normalised to one object shape, so the hot path stays monomorphic. */
interface KindPlan {
  readonly definition: DeadlineDefinition;
  readonly variesBy: DeadlineDefinition['periods']['variesBy'];
  readonly single: PeriodRule | null;
  readonly ordinary: PeriodRule | null;
  readonly simplified: PeriodRule | null;
  readonly judgment: PeriodRule | null;
  readonly ruling: PeriodRule | null;
  readonly triggers: readonly TriggerEvent[];
  readonly rollForward: boolean;
}

function planOf(definition: DeadlineDefinition): KindPlan {
  const { periods } = definition;
  return {
    definition,
    variesBy: periods.variesBy,
    single: periods.variesBy === 'none' ? periods.single : null,
    ordinary: periods.variesBy === 'procedure' ? periods.ordinary : null,
    simplified: periods.variesBy === 'procedure' ? periods.simplified : null,
    judgment: periods.variesBy === 'instrument' ? periods.judgment : null,
    ruling: periods.variesBy === 'instrument' ? periods.ruling : null,
    triggers: definition.triggers.map((trigger) => trigger.event),
    rollForward: definition.rollForward,
  };
}

const PLANS: ReadonlyMap<string, KindPlan> = new Map(
  Object.values<DeadlineDefinition>(DEADLINE_CATALOGUE).map((definition) => [
    definition.kind,
    planOf(definition),
  ]),
);

function planFor(kind: DeadlineKind): KindPlan {
  const plan = PLANS.get(kind);
  if (plan === undefined) {
    throw new DeadlineInputError('unknown_kind', `unknown deadline kind ${String(kind)}`);
  }
  return plan;
}

interface SelectedPeriod {
  readonly variant: PeriodVariant;
  readonly rule: PeriodRule;
}

function selectFromPlan(
  plan: KindPlan,
  procedure: Procedure | undefined,
  instrument: AppealedInstrument | undefined,
): SelectedPeriod {
  switch (plan.variesBy) {
    case 'none':
      return { variant: 'single', rule: plan.single as PeriodRule };
    case 'procedure': {
      if (procedure !== 'ordinary' && procedure !== 'simplified') {
        throw new DeadlineInputError(
          'procedure_required',
          `${plan.definition.kind}: the period depends on the procedure (ordinary or simplified)`,
        );
      }
      return { variant: procedure, rule: plan[procedure] as PeriodRule };
    }
    case 'instrument': {
      if (instrument !== 'judgment' && instrument !== 'ruling') {
        throw new DeadlineInputError(
          'instrument_required',
          `${plan.definition.kind}: the period depends on whether a judgment or a ruling was served`,
        );
      }
      return { variant: instrument, rule: plan[instrument] as PeriodRule };
    }
  }
}

/** The period that applies to a kind: by procedure, by appealed instrument, or the only one. */
export function selectPeriodRule(
  kind: DeadlineKind,
  input: Pick<DeadlineInput, 'procedure' | 'instrument'>,
): SelectedPeriod {
  return selectFromPlan(planFor(kind), input.procedure, input.instrument);
}

function selectTrigger(plan: KindPlan, triggerEvent: TriggerEvent | undefined): TriggerEvent {
  if (triggerEvent === undefined) return plan.triggers[0];
  if (!plan.triggers.includes(triggerEvent)) {
    throw new DeadlineInputError(
      'trigger_not_allowed',
      `${plan.definition.kind} does not count from ${triggerEvent}`,
    );
  }
  return triggerEvent;
}

const byFrom = (a: { from: number }, b: { from: number }): number => a.from - b.from;

const unitText = (unit: 'days' | 'working_days'): string =>
  unit === 'days' ? 'days' : 'working days';

/** Validates the ledger against the catalogue and returns its entries in date order. */
function orderedLedger(
  definition: DeadlineDefinition,
  rule: PeriodRule,
  triggerDay: number,
  ledger: DeadlineLedger,
): LedgerItem[] {
  const items: LedgerItem[] = [];
  const suspensions = ledger.suspensions ?? [];
  const extensions = ledger.extensions ?? [];

  if (suspensions.length > 0 && definition.suspension === null) {
    throw new DeadlineInputError(
      'suspension_not_allowed',
      `${definition.kind} is not stopped by a suspension`,
    );
  }
  const ordered: { entry: SuspensionEntry; from: number; to: number | null }[] = [];
  for (const entry of suspensions) {
    ordered.push({
      entry,
      from: dayNumberOf(entry.from),
      to: entry.to ? dayNumberOf(entry.to) : null,
    });
  }
  if (ordered.length > 1) ordered.sort(byFrom);
  let previousEnd: number | null = Number.NEGATIVE_INFINITY;
  for (const { entry, from, to } of ordered) {
    if (from < triggerDay) {
      throw new DeadlineInputError(
        'entry_before_trigger',
        `suspension from ${entry.from} is before the trigger date`,
      );
    }
    if (to !== null && to < from) {
      throw new DeadlineInputError(
        'suspension_reversed',
        `suspension resumed on ${String(entry.to)} before it began on ${entry.from}`,
      );
    }
    if (previousEnd === null || from < previousEnd) {
      throw new DeadlineInputError(
        'suspension_overlap',
        `suspension from ${entry.from} overlaps an earlier one that had not ended`,
        definition.suspension?.basis,
      );
    }
    previousEnd = to;
    items.push({ on: from, suspension: entry, extension: null });
  }

  if (extensions.length > 0) {
    const extension = rule.extension;
    if (extension === null) {
      throw new DeadlineInputError(
        'extension_not_allowed',
        definition.kind === 'decision'
          ? 'the simplified procedure has no extension: switch to the ordinary procedure first ' +
              '(行政复议法 第五十五条)'
          : `${definition.kind} cannot be extended`,
        rule.basis,
      );
    }
    if (extension.maxCount !== null && extensions.length > extension.maxCount) {
      throw new DeadlineInputError(
        'extension_limit_reached',
        `${definition.kind} can be extended at most ${extension.maxCount} time(s)`,
        extension.basis,
      );
    }
    for (const entry of extensions) {
      const maxDays = MAX_PERIOD_LENGTH[extension.unit];
      if (!Number.isInteger(entry.days) || entry.days < 1 || entry.days > maxDays) {
        throw new DeadlineInputError(
          'extension_days_invalid',
          `an extension must add 1…${maxDays} ${unitText(extension.unit)}, got ${String(entry.days)}`,
        );
      }
      if (extension.maxDays !== null && entry.days > extension.maxDays) {
        throw new DeadlineInputError(
          'extension_too_long',
          `${definition.kind} can be extended by at most ${extension.maxDays} ` +
            `${unitText(extension.unit)} at a time` +
            (extension.maxDaysReading === undefined ? '' : ` (${extension.maxDaysReading})`),
          extension.basis,
        );
      }
      const on = dayNumberOf(entry.approvedOn);
      if (on < triggerDay) {
        throw new DeadlineInputError(
          'entry_before_trigger',
          `extension approved on ${entry.approvedOn} is before the trigger date`,
        );
      }
      items.push({ on, suspension: null, extension: entry });
    }
  }
  // Stable insertion sort (ledgers are short): on the same day a suspension stays first.
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && items[j].on > item.on) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/**
 * The lead time of an `act_before` kind: whole calendar days, 0 (the event's own day) or more.
 * Unlike a period, 0 is meaningful here: "开庭前" is due on the session's day, before it opens.
 */
function assertLeadDays(unit: PeriodUnit, length: number): void {
  if (
    unit !== 'days' ||
    !Number.isInteger(length) ||
    length < 0 ||
    length > MAX_PERIOD_LENGTH.days
  ) {
    throw new PeriodArgumentError(
      `lead time in ${unit}`,
      length,
      `must be whole calendar days 0…${MAX_PERIOD_LENGTH.days}`,
    );
  }
}

/**
 * Computes one deadline from the catalogue and explains it.
 *
 * 1. The statutory period from the trigger date, start day excluded (民事诉讼法 第八十五条第二款):
 *    working days per 行政复议法 第八十八条第二款, calendar days, or months (same day-of-month or
 *    month end) → `rawDueOn`.
 * 2. The ledger, in date order, each entry judged against the last day in force when it begins
 *    (the adjusted day rolled forward, so a suspension inside the roll-forward window after a
 *    holiday is still in time):
 *    - a suspension from S to T (行政复议法 第三十九条: the decision clock stops while suspended;
 *      第二十条第二款: the application period 自障碍消除之日起继续计算) keeps the time that was
 *      left at S: time before S counts, the days S…T−1 do not, counting goes on from T. The last
 *      day becomes max(last + (T − S), T): the same as adding T − S when S is on or before the
 *      counted last day, and never before the resumption when S falls in the roll-forward window
 *      (nothing was left but the rest days, so the period ends on the first working day from T).
 *      An open suspension pauses the deadline: no due date until it is resumed.
 *    - an extension adds its days, calendar or working days by the rule's unit (第六十二条第一款:
 *      once, ≤ 30 days, ordinary procedure only; 第三十一条第二款: 合理的补正期限). One granted
 *      while the deadline is paused is in time: the suspension it falls in began in time.
 *    - an entry that begins after the last day in force has passed (`afterDue`) moves nothing: an
 *      expired period is not revived (a suspension ordered, or an extension approved, too late).
 *    → `adjustedDueOn`.
 * 3. Roll-forward once, on the final date only (民事诉讼法 第八十五条第三款): a last day on a
 *    statutory rest day moves to the next working day. Minimum-notice periods (`not_before`) never
 *    roll.
 * 4. `provisional` when a year read is held only provisionally (DESIGN rule 6).
 *
 * An `act_before` kind counts back from its trigger, a dated event ahead: the last day to act is
 * `length` calendar days before it (0: the event's own day), never rolled.
 *
 * Throws {@link DeadlineInputError} for input the catalogue refuses, `PeriodArgumentError` for an
 * absurd length, `CalendarYearMissingError` when a needed year is not in the calendar.
 */
export function computeDeadline(calendar: LegalCalendar, input: DeadlineInput): DeadlineRecord {
  // Read each input property once (keeps property-access sites few for the JIT).
  const { kind, triggerOn, triggerEvent: askedTrigger, procedure, instrument } = input;
  const { lengthOverride, ledger } = input;
  const plan = planFor(kind);
  const { definition } = plan;
  const { variant, rule } = selectFromPlan(plan, procedure, instrument);
  const triggerEvent = selectTrigger(plan, askedTrigger);

  let length = rule.length;
  let basis = rule.basis;
  if (lengthOverride !== undefined) {
    if (!definition.longerByOtherLaw) {
      throw new DeadlineInputError(
        'length_override_not_allowed',
        `${definition.kind} has a fixed statutory length`,
        rule.basis,
      );
    }
    if (lengthOverride.length < rule.length) {
      throw new DeadlineInputError(
        'length_override_shorter',
        `another law may only set a longer period than ${rule.length} ${rule.unit}`,
        rule.basis,
      );
    }
    length = lengthOverride.length;
    basis = lengthOverride.basis;
  }
  const before = definition.meaning === 'act_before';
  if (before) assertLeadDays(rule.unit, length);
  else assertPeriodLength(rule.unit, length);

  const triggerDay = dayNumberOf(triggerOn);
  let rawDay: number;
  switch (rule.unit) {
    case 'working_days':
      rawDay = calendar.nthWorkingDayAfter(triggerDay, length);
      break;
    case 'days':
      rawDay = before ? triggerDay - length : triggerDay + length;
      break;
    case 'months':
      rawDay = monthsLaterDayNumber(triggerDay, length);
      break;
  }

  const rollForward = plan.rollForward;
  const extensionUnit = rule.extension?.unit ?? 'days';

  const hasLedger =
    ledger !== undefined &&
    ((ledger.suspensions?.length ?? 0) > 0 || (ledger.extensions?.length ?? 0) > 0);
  const adjustments: DeadlineAdjustment[] = [];
  let adjustedDay = rawDay;
  let suspendedDays = 0;
  let extendedDays = 0;
  let pausedOn: LegalDate | null = null;
  /** Moves the last day (before roll-forward) to `next`; returns the calendar days it added. */
  const moveAdjustedDayTo = (next: number): number => {
    const added = next - adjustedDay;
    adjustedDay = next;
    return added;
  };

  if (hasLedger) {
    for (const item of orderedLedger(definition, rule, triggerDay, ledger)) {
      // While paused (a suspension that began in time) nothing has passed.
      const afterDue =
        pausedOn === null &&
        item.on > (rollForward ? calendar.firstWorkingDayOnOrAfter(adjustedDay) : adjustedDay);
      if (item.suspension !== null) {
        const { from, to, reason, ref } = item.suspension;
        const toDay = to ? dayNumberOf(to) : null;
        const days = toDay === null ? null : toDay - item.on;
        let addedDays: number | null = 0;
        if (!afterDue) {
          if (toDay === null) {
            pausedOn = from;
            addedDays = null;
          } else {
            // Keep the time left at `from`; never end before the resumption.
            addedDays = moveAdjustedDayTo(Math.max(adjustedDay + (toDay - item.on), toDay));
            suspendedDays += addedDays;
          }
        }
        // One object shape whatever is set (absent texts stay undefined, dropped in JSON).
        adjustments.push({
          type: 'suspension',
          from,
          to: to ?? null,
          days,
          afterDue,
          addedDays,
          reason,
          ref,
        });
      } else if (item.extension !== null) {
        const { days, approvedOn, approvedBy, reason, ref } = item.extension;
        let addedDays: number | null = 0;
        if (pausedOn !== null) {
          addedDays = null;
        } else if (!afterDue) {
          addedDays = moveAdjustedDayTo(
            extensionUnit === 'working_days'
              ? calendar.nthWorkingDayAfter(adjustedDay, days)
              : adjustedDay + days,
          );
          extendedDays += addedDays;
        }
        adjustments.push({
          type: 'extension',
          approvedOn,
          approvedBy,
          days,
          unit: extensionUnit,
          afterDue,
          addedDays,
          reason,
          ref,
        });
      }
    }
  }

  const paused = pausedOn !== null;
  const dueDay = paused
    ? null
    : rollForward
      ? calendar.firstWorkingDayOnOrAfter(adjustedDay)
      : adjustedDay;
  const computed = {
    kind: definition.kind,
    family: definition.family,
    meaning: definition.meaning,
    variant,
    basis,
    triggerEvent,
    triggerOn,
    length,
    unit: rule.unit,
    rawDueOn: calendar.legalDateOf(rawDay),
    adjustedDueOn: paused ? null : calendar.legalDateOf(adjustedDay),
    dueOn: dueDay === null ? null : calendar.legalDateOf(dueDay),
    rolledForward: dueDay !== null && dueDay !== adjustedDay,
    suspendedDays,
    extendedDays,
    adjustments,
    paused,
    pausedOn,
    calendarVersion: calendar.version,
  };
  const provisionalYears =
    calendar.provisionalYears.length === 0
      ? []
      : yearsTouched(computed).filter((year) => calendar.isProvisionalYear(year));
  return { ...computed, provisional: provisionalYears.length > 0, provisionalYears };
}
