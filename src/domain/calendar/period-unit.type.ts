/**
 * How a period is counted.
 * - `working_days`: 行政复议法 第八十八条第二款 — the reconsideration law's "3, 5, 7 and 10 days"
 *   are working days, not counting statutory rest days.
 * - `days`: calendar days; the last day rolls forward over rest days (民事诉讼法 第八十五条第三款).
 * - `months`: calendar months ending on the same day-of-month or the month's last day; rolls
 *   forward like `days`.
 */
export type PeriodUnit = 'working_days' | 'days' | 'months';
