/**
 * Every rule that can refuse a command on a reconsideration case, with the article it rests on
 * (行政复议法 unless another source is named). A refusal names one of these codes; the HTTP layer
 * answers it as `rule-refused` (422), or `forbidden` (403) for the head-only rules.
 */
export const RECONSIDERATION_RULES = {
  date_in_future: 'Fuyi: a legal date records what has already happened',
  invalid_legal_date: 'Fuyi: legal dates are real calendar days',
  calendar_year_missing: '行政复议法 第八十八条第二款',
  dates_out_of_order: 'Fuyi: the acts of a case follow one another',
  handler_required: '行政复议法 第三十六条第一款',
  application_late: '行政复议法 第二十条第一款、第二款',
  application_beyond_outer_limit: '行政复议法 第二十条第三款、第二十一条',
  acceptance_review_passed: '行政复议法 第三十条第三款',
  acceptance_review_running: '行政复议法 第三十条第三款',
  rejection_reason_required: '行政复议法 第三十条第二款',
  correction_once_only: '行政复议法 第三十一条第一款',
  correction_items_required: '行政复议法 第三十一条第一款',
  correction_notice_period_passed: '行政复议法 第三十一条第一款',
  correction_notice_already_served: '行政复议法 第三十一条第二款',
  correction_reply_period_passed: '行政复议法 第三十一条第二款',
  correction_reply_running: '行政复议法 第三十一条第二款',
  written_review_reason_required: '行政复议法 第四十九条',
  suspension_ground_invalid: '行政复议法 第三十九条',
  extension_head_only: '行政复议法 第六十二条第一款',
  extension_ordinary_only: '行政复议法 第六十二条第二款、第五十五条',
  extension_once_only: '行政复议法 第六十二条第一款',
  extension_days_invalid: '行政复议法 第六十二条第一款',
  extension_too_long: '行政复议法 第六十二条第一款',
  extension_reason_required: '行政复议法 第六十二条第一款',
  extension_after_deadline: '行政复议法 第六十二条第一款',
  switch_procedure_head_only: '行政复议法 第五十五条',
  procedure_already_ordinary: '行政复议法 第五十五条',
  outcome_invalid: '行政复议法 第六十三条至第六十九条、第四十一条',
  suspended_terminate_only: '行政复议法 第三十九条、第四十一条',
  termination_reason_required: '行政复议法 第四十一条',
  termination_reason_not_allowed: '行政复议法 第四十一条',
  termination_ground_not_met: '行政复议法 第四十一条',
  suspension_termination_not_due: '行政复议法 第四十一条第五项',
  opinions_not_heard: '行政复议法 第四十九条',
  hearing_required: '行政复议法 第五十条',
  late_reason_required: '行政复议法 第六十二条',
  reopen_head_only: 'Fuyi lifecycle (DESIGN): reopen by the office head',
  reopen_reason_required: 'Fuyi lifecycle (DESIGN): reopen by the office head',
} as const;

export type ReconsiderationRule = keyof typeof RECONSIDERATION_RULES;
