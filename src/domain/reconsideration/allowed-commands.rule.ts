import type { CaseCommandType, CaseStatus } from './reconsideration-case.types';

/** Commands only the deadline sweep issues, as the system actor (行政复议法 第三十条第三款、第三十一条第二款). */
export const SYSTEM_COMMANDS: readonly CaseCommandType[] = ['deem_accept', 'deem_abandon'];

/**
 * Statuses in which the case is closed. An abandoned case is closed unless corrected materials
 * posted in time arrive: the post's delay does not count against the applicant (DESIGN rule 5).
 */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['archived', 'rejected', 'abandoned'];

/*
 * The transition table (DESIGN, "Reconsideration case lifecycle"). `assign` is allowed in every
 * open status. While suspended (中止, 第三十九条) the review itself stops: only resuming, ending
 * the case by termination (第四十一条), reassigning, and the head's extension are possible (the
 * extension is judged on the deadline the decision period had when the suspension began, so it
 * is possible only if the suspension began in time); acts done meanwhile are recorded after
 * resumption with their own dates. While a correction is pending, its period can be extended
 * (第三十一条第二款). A case deemed abandoned by the sweep takes only corrected materials, which
 * reinstate it when their postmark (or receipt) is within the period (第三十一条第二款、第三款).
 */
const TABLE: Readonly<Record<CaseStatus, readonly CaseCommandType[]>> = {
  received: ['assign', 'request_correction', 'accept', 'reject', 'deem_accept'],
  correction_requested: [
    'assign',
    'record_correction_notice_served',
    'receive_correction',
    'extend_correction_period',
    'reject',
    'deem_abandon',
  ],
  under_review: [
    'assign',
    'send_copy',
    'record_reply',
    'record_opinion_heard',
    'record_written_review',
    'suspend',
    'extend',
    'switch_procedure',
    'conclude',
  ],
  suspended: ['assign', 'resume', 'extend', 'conclude'],
  concluded: ['assign', 'serve', 'reopen'],
  served: ['assign', 'archive'],
  archived: [],
  rejected: [],
  abandoned: ['receive_correction'],
};

/** Every command the table allows in `status`, the sweep's included. */
export function allowedCommands(status: CaseStatus): CaseCommandType[] {
  return [...(TABLE[status] ?? [])];
}

/** The commands a user may issue in `status` (the sweep's system commands left out). */
export function userCommandsAllowed(status: CaseStatus): CaseCommandType[] {
  return allowedCommands(status).filter((type) => !SYSTEM_COMMANDS.includes(type));
}

export function isCommandAllowed(status: CaseStatus, type: CaseCommandType): boolean {
  return TABLE[status]?.includes(type) ?? false;
}
