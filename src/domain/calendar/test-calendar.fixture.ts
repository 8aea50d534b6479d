import type { CalendarData, CalendarYearData } from './calendar-data.type';
import { shiftLegalDate, type LegalDate } from './legal-date.value';

/** Every date from `first` to `last`, both included: one holiday block. */
function block(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = shiftLegalDate(day as LegalDate, 1)) days.push(day);
  return days;
}

/**
 * The State Council's holiday arrangements for 2023–2026 (国务院办公厅关于部分节假日安排的通知,
 * published each autumn for the next year), as explicit data for tests, one row a holiday block:
 * its first and last rest day (weekend days inside a block included) and the holiday. Checked
 * against `chinese-days` 1.5.7.
 */
const HOLIDAY_BLOCKS: ReadonlyArray<readonly [first: string, last: string, holiday: string]> = [
  ['2023-01-01', '2023-01-02', '元旦'], // 2022-12-31 … 2023-01-02 (12-31 belongs to 2022)
  ['2023-01-21', '2023-01-27', '春节'],
  ['2023-04-05', '2023-04-05', '清明节'], // Wednesday
  ['2023-04-29', '2023-05-03', '劳动节'],
  ['2023-06-22', '2023-06-24', '端午节'],
  ['2023-09-29', '2023-10-06', '中秋节、国庆节'],
  ['2024-01-01', '2024-01-01', '元旦'], // Monday
  ['2024-02-10', '2024-02-17', '春节'], // 02-09 除夕 is a working day; rest there only encouraged
  ['2024-04-04', '2024-04-06', '清明节'],
  ['2024-05-01', '2024-05-05', '劳动节'],
  ['2024-06-10', '2024-06-10', '端午节'], // Monday
  ['2024-09-15', '2024-09-17', '中秋节'],
  ['2024-10-01', '2024-10-07', '国庆节'],
  ['2025-01-01', '2025-01-01', '元旦'], // Wednesday
  ['2025-01-28', '2025-02-04', '春节'],
  ['2025-04-04', '2025-04-06', '清明节'],
  ['2025-05-01', '2025-05-05', '劳动节'],
  ['2025-05-31', '2025-06-02', '端午节'],
  ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
];

/** The Saturdays and Sundays of 2023–2026 declared working days (调休上班), and for which holiday. */
const ADJUSTED_WORKDAYS: ReadonlyArray<readonly [day: string, note: string]> = [
  ['2023-01-28', 'Saturday, 春节'],
  ['2023-01-29', 'Sunday, 春节'],
  ['2023-04-23', 'Sunday, 劳动节'],
  ['2023-05-06', 'Saturday, 劳动节'],
  ['2023-06-25', 'Sunday, 端午节'],
  ['2023-10-07', 'Saturday, 国庆节'],
  ['2023-10-08', 'Sunday, 国庆节'],
  ['2024-02-04', 'Sunday, 春节'],
  ['2024-02-18', 'Sunday, 春节'],
  ['2024-04-07', 'Sunday, 清明节'],
  ['2024-04-28', 'Sunday, 劳动节'],
  ['2024-05-11', 'Saturday, 劳动节'],
  ['2024-09-14', 'Saturday, 中秋节'],
  ['2024-09-29', 'Sunday, 国庆节'],
  ['2024-10-12', 'Saturday, 国庆节'],
  ['2025-01-26', 'Sunday, 春节'],
  ['2025-02-08', 'Saturday, 春节'],
  ['2025-04-27', 'Sunday, 劳动节'],
  ['2025-09-28', 'Sunday, 国庆节'],
  ['2025-10-11', 'Saturday, 国庆节'],
  ['2026-01-04', 'Sunday, 元旦'],
  ['2026-02-14', 'Saturday, 春节'],
  ['2026-02-28', 'Saturday, 春节'],
  ['2026-05-09', 'Saturday, 劳动节'],
  ['2026-09-20', 'Sunday, 国庆节'],
  ['2026-10-10', 'Saturday, 国庆节'],
];

/** One published year: every rest day of its holiday blocks, and its adjusted working days. */
function publishedYear(year: number): CalendarYearData {
  const inYear = (day: string) => day.startsWith(`${year}-`);
  return {
    year,
    holidays: HOLIDAY_BLOCKS.filter(([first]) => inYear(first)).flatMap(([first, last]) =>
      block(first, last),
    ),
    workdays: ADJUSTED_WORKDAYS.filter(([day]) => inYear(day)).map(([day]) => day),
  };
}

/** The published arrangements of 2023–2026 (calendar version 1). */
export const TEST_CALENDAR_DATA: CalendarData = {
  version: 1,
  years: [2023, 2024, 2025, 2026].map(publishedYear),
};

/**
 * 2027 as a provisional year (DESIGN rule 6): its arrangement is not published (as of late 2026),
 * so the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) stand in for it, with a
 * make-up weekday (补假) for each holiday on a Saturday or Sunday and no adjusted working days.
 * Written out by hand; `provisionalCalendarYear(2027)` (src/modules/calendar) must produce it.
 */
export const PROVISIONAL_2027: CalendarYearData = {
  year: 2027,
  holidays: [
    '2027-01-01', // 元旦 (Friday)
    '2027-02-05', // 除夕 (Friday)
    '2027-02-06', // 春节 正月初一 (Saturday)
    '2027-02-07', // 正月初二 (Sunday)
    '2027-02-08', // 正月初三 (Monday)
    '2027-02-09', // 补假 for 02-06
    '2027-02-10', // 补假 for 02-07
    '2027-04-05', // 清明 (Monday)
    '2027-05-01', // 劳动节 (Saturday)
    '2027-05-02', // 劳动节 (Sunday)
    '2027-05-03', // 补假 for 05-01
    '2027-05-04', // 补假 for 05-02
    '2027-06-09', // 端午 五月初五 (Wednesday)
    '2027-09-15', // 中秋 八月十五 (Wednesday)
    '2027-10-01', // 国庆 (Friday)
    '2027-10-02', // 国庆 (Saturday)
    '2027-10-03', // 国庆 (Sunday)
    '2027-10-04', // 补假 for 10-02
    '2027-10-05', // 补假 for 10-03
  ],
  workdays: [],
  provisional: true,
};

/** The published 2023–2026 arrangements plus provisional 2027 (calendar version 2). */
export const TEST_CALENDAR_WITH_PROVISIONAL_2027: CalendarData = {
  version: 2,
  years: [...TEST_CALENDAR_DATA.years, PROVISIONAL_2027],
};
