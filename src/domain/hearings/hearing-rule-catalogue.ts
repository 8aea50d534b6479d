import { BASIS } from './hearing.rules';

/** The rules that refuse hearing commands with 422, with the article each rests on. */
export const HEARING_RULES = {
  hearing_notice_too_short: BASIS.notice,
  held_on_not_hearing_date: BASIS.opinions,
  respondent_absence_unexplained: BASIS.respondent,
} as const;
