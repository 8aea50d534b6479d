import {
  decisionInput,
  litigationWindowInput,
  suspensionTerminationInput,
  TERMINABLE_SUSPENSION_GROUNDS,
} from './case-deadline-inputs.rule';
import { checkDateOrder, lastResumedOn } from './case-date-order.rule';
import { articleOf, nonBlank, refuse, succeed } from './case-decision.factory';
import { decisionDueChange, dueOnOrNull, isAfterDue, tryDueOn } from './due-on.rule';
import { OUTCOMES, TERMINATION_REASONS } from './reconsideration-case.types';
import type {
  CaseCommandOf,
  CaseFacts,
  ClosedSuspension,
  Decision,
  DecisionContext,
  Outcome,
} from './reconsideration-case.types';

/*
 * Conclusion (审结), service (送达), archiving (归档) and the head's reopening. Called only for
 * commands the transition table allows, by an allowed role, with no date in the future.
 */

/** Decisions on the merits (行政复议法 第六十三条–第六十九条): they need the opinions and hearings. */
export const DECISION_OUTCOMES: readonly Outcome[] = [
  'change',
  'revoke',
  'confirm_illegal',
  'confirm_invalid',
  'order_performance',
  'uphold',
  'dismiss_request',
];

/**
 * Concluding the case with one outcome.
 * - A suspended case can only be terminated (第三十九条: the review is stopped; 第四十一条).
 * - 第四十一条: termination needs its ground; other outcomes carry none. Ground (五) needs a
 *   suspension on grounds (一)(二)(四) of 第三十九条第一款 that has lasted 60 days.
 * - 第四十九条: in the ordinary procedure a decision needs the parties heard, or a written review
 *   with the reason they could not be.
 * - 第五十条: a major, difficult or complex case needs a hearing (听证) before a decision.
 * - 第六十二条: concluding after the decision deadline is allowed but recorded late, with a reason.
 */
export function decideConclude(
  facts: CaseFacts,
  command: CaseCommandOf<'conclude'>,
  context: DecisionContext,
): Decision {
  const { outcome, concludedOn } = command;
  if (!OUTCOMES.includes(outcome)) {
    return refuse(
      422,
      'outcome_invalid',
      articleOf('第六十三条至第六十九条、第四十一条'),
      `${String(outcome)} is not an outcome`,
    );
  }
  const suspended = facts.status === 'suspended';
  if (suspended && outcome !== 'terminated') {
    return refuse(
      422,
      'suspended_terminate_only',
      articleOf('第三十九条、第四十一条'),
      `the case is suspended since ${String(facts.suspendedOn)}: it can only be terminated; ` +
        `resume it before concluding with ${outcome}`,
    );
  }
  const order = checkDateOrder(articleOf('第六十二条'), [
    {
      what: 'the conclusion',
      on: concludedOn,
      earlier: 'the acceptance',
      notBefore: facts.acceptedOn,
      required: true,
    },
    {
      what: 'the conclusion',
      on: concludedOn,
      earlier: 'the end of the last suspension',
      notBefore: lastResumedOn(facts),
    },
    {
      what: 'the conclusion',
      on: concludedOn,
      earlier: 'the suspension',
      notBefore: suspended ? facts.suspendedOn : null,
    },
  ]);
  if (order !== null) return order;

  const terminationReason = command.terminationReason ?? null;
  if (outcome === 'terminated') {
    const basis = articleOf('第四十一条');
    if (terminationReason === null || !TERMINATION_REASONS.includes(terminationReason)) {
      return refuse(
        422,
        'termination_reason_required',
        basis,
        'a termination (终止) must name its ground under 第四十一条',
      );
    }
    if (terminationReason === 'suspension_unresolved') {
      const fifth = articleOf('第四十一条第五项');
      const termination = suspended ? suspensionTerminationInput(facts) : null;
      if (termination === null) {
        return refuse(
          422,
          'termination_ground_not_met',
          fifth,
          'termination for an unresolved suspension needs a running suspension on ground ' +
            `${TERMINABLE_SUSPENSION_GROUNDS.join(', ')} (第三十九条第一款第一、二、四项)`,
        );
      }
      const sixtyDays = tryDueOn(context.calendar, termination);
      if (!isAfterDue(sixtyDays, concludedOn)) {
        return refuse(
          422,
          'suspension_termination_not_due',
          fifth,
          `the suspension from ${termination.triggerOn} reaches 60 days on ` +
            `${String(dueOnOrNull(sixtyDays))}; ` +
            `termination on ${concludedOn} is too early`,
        );
      }
    }
  } else if (terminationReason !== null) {
    return refuse(
      422,
      'termination_reason_not_allowed',
      articleOf('第四十一条'),
      `a termination ground belongs only to the outcome terminated, not to ${outcome}`,
    );
  }

  if (DECISION_OUTCOMES.includes(outcome)) {
    const heard = checkDateOrder(articleOf('第四十九条'), [
      {
        what: 'the conclusion',
        on: concludedOn,
        earlier: 'the hearing of opinions',
        notBefore: facts.opinionHeardOn,
      },
    ]);
    if (heard !== null) return heard;
    if (
      facts.procedure === 'ordinary' &&
      facts.opinionHeardOn === null &&
      !nonBlank(facts.writtenReviewReason)
    ) {
      return refuse(
        422,
        'opinions_not_heard',
        articleOf('第四十九条'),
        'in the ordinary procedure the parties must be heard before a decision, or a written ' +
          'review recorded with the reason they could not be',
      );
    }
    if (facts.major && !facts.hearingHeld) {
      return refuse(
        422,
        'hearing_required',
        articleOf('第五十条'),
        'the case is marked major, difficult or complex: a hearing (听证) must be held before a ' +
          'decision',
      );
    }
  }

  // 第六十二条: the deadline, with an open suspension (termination while suspended) counted up to
  // the conclusion — suspended days do not count against the office.
  const input = decisionInput(facts, suspended ? concludedOn : null);
  const due =
    input === null
      ? { known: true as const, dueOn: facts.decisionDueOn }
      : tryDueOn(context.calendar, input);
  const decisionDueOn = dueOnOrNull(due);
  const late = isAfterDue(due, concludedOn);
  if (late && !nonBlank(command.lateReason)) {
    return refuse(
      422,
      'late_reason_required',
      articleOf('第六十二条'),
      `the decision deadline was ${String(decisionDueOn)}; concluding on ${concludedOn} is late and needs ` +
        'the reason recorded',
    );
  }
  const lateReason = late && nonBlank(command.lateReason) ? command.lateReason.trim() : null;
  const decisionNumber = nonBlank(command.decisionNumber) ? command.decisionNumber.trim() : null;
  const closedSuspension: ClosedSuspension | null =
    suspended && facts.suspendedOn !== null
      ? {
          suspendedOn: facts.suspendedOn,
          resumedOn: concludedOn,
          ground: facts.suspensionGround ?? 'other',
        }
      : null;
  return succeed(
    'concluded',
    {
      concludedOn,
      outcome,
      terminationReason,
      decisionNumber,
      concludedLate: late,
      lateReason,
      ...(due.known ? { decisionDueOn } : {}),
      ...(closedSuspension === null
        ? {}
        : {
            suspendedOn: null,
            suspensionGround: null,
            suspensions: [...facts.suspensions, closedSuspension],
          }),
    },
    {
      type: 'concluded',
      occurredOn: concludedOn,
      payload: {
        concludedOn,
        outcome,
        terminationReason,
        decisionNumber,
        decisionDueOn,
        late,
        lateReason,
        suspensionEndedOn: closedSuspension?.resumedOn ?? null,
        previousStatus: facts.status,
      },
    },
  );
}

/**
 * Service of the decision (送达, 行政复议法 第八十八条第一款 → 民事诉讼法): after the conclusion;
 * it starts the 15 days to sue (行政诉讼法 第四十五条).
 */
export function decideServe(
  facts: CaseFacts,
  command: CaseCommandOf<'serve'>,
  context: DecisionContext,
): Decision {
  const order = checkDateOrder(articleOf('第八十八条第一款'), [
    {
      what: 'the service of the decision',
      on: command.servedOn,
      earlier: 'the conclusion',
      notBefore: facts.concludedOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  const window = litigationWindowInput({ ...facts, servedOn: command.servedOn });
  return succeed(
    'served',
    { servedOn: command.servedOn },
    {
      type: 'served',
      occurredOn: command.servedOn,
      payload: {
        servedOn: command.servedOn,
        litigationWindowEndsOn:
          window === null ? null : dueOnOrNull(tryDueOn(context.calendar, window)),
      },
    },
  );
}

/** Archiving (归档) after service. The statute sets no rule: it is the office's own order. */
export function decideArchive(facts: CaseFacts, command: CaseCommandOf<'archive'>): Decision {
  const order = checkDateOrder('Fuyi lifecycle (DESIGN): archived after service', [
    {
      what: 'the archiving',
      on: command.archivedOn,
      earlier: 'the service of the decision',
      notBefore: facts.servedOn,
      required: true,
    },
  ]);
  if (order !== null) return order;
  return succeed(
    'archived',
    { archivedOn: command.archivedOn },
    {
      type: 'archived',
      occurredOn: command.archivedOn,
      payload: { archivedOn: command.archivedOn },
    },
  );
}

/**
 * The head sends a conclusion recorded by mistake back to review (DESIGN; the statute is silent).
 * Only before service; the conclusion fields are cleared and kept in the event. The head-only
 * rule is checked by the caller.
 */
export function decideReopen(
  facts: CaseFacts,
  command: CaseCommandOf<'reopen'>,
  context: DecisionContext,
): Decision {
  if (!nonBlank(command.reason)) {
    return refuse(
      422,
      'reopen_reason_required',
      'Fuyi lifecycle (DESIGN): reopen by the office head, with a reason',
      'reopening a concluded case needs the reason (what was recorded by mistake)',
    );
  }
  const due = decisionDueChange(context.calendar, { ...facts, concludedOn: null });
  return succeed(
    'under_review',
    {
      concludedOn: null,
      outcome: null,
      terminationReason: null,
      decisionNumber: null,
      concludedLate: false,
      lateReason: null,
      ...due,
    },
    {
      type: 'reopened',
      occurredOn: context.today,
      payload: {
        reason: command.reason.trim(),
        previousOutcome: facts.outcome,
        previousConcludedOn: facts.concludedOn,
        previousTerminationReason: facts.terminationReason,
        previousDecisionNumber: facts.decisionNumber,
        previousConcludedLate: facts.concludedLate,
        previousLateReason: facts.lateReason,
        decisionDueOn: due.decisionDueOn ?? null,
        previousStatus: facts.status,
      },
    },
  );
}
