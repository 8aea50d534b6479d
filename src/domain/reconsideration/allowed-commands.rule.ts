import type { CaseCommandType, CaseStatus } from './reconsideration-case.types';

/** Commands only the deadline sweep issues, as the system actor (行政复议法 第三十条第三款、第三十一条第二款). */
export const SYSTEM_COMMANDS: readonly CaseCommandType[] = ['deem_accept', 'deem_abandon'];

/** Statuses from which nothing can happen any more. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['archived', 'rejected', 'abandoned'];

/*
 * The transition table (DESIGN, "Reconsideration case lifecycle"). `assign` is allowed in every
 * non-terminal status. While suspended (中止, 第三十九条) the review itself stops: only resuming,
 * ending the case by termination (第四十一条), reassigning, and the head's extension (the decision
 * clock is paused, so an extension cannot come too late) are possible; acts done meanwhile are
 * recorded after resumption with their own dates.
 */
const TABLE: Readonly<Record<CaseStatus, readonly CaseCommandType[]>> = {
  received: ['assign', 'request_correction', 'accept', 'reject', 'deem_accept'],
  correction_requested: [
    'assign',
    'record_correction_notice_served',
    'receive_correction',
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
  abandoned: [],
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
