import type { CalendarYearData } from '../../domain/calendar/calendar-data.type';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * Every year the npm package `chinese-days` knows, as holidays and adjusted working days. Its
 * JSON is keyed by date: `holidays` are rest days of public holidays, `workdays` the weekend
 * days declared working days (调休).
 */
export function chineseDaysYears(): CalendarYearData[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { holidays: [], workdays: [] }));
    return entry;
  };
  for (const date of Object.keys(data.holidays)) yearOf(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) yearOf(date).workdays.push(date);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => ({
      year,
      holidays: days.holidays.sort(),
      workdays: days.workdays.sort(),
    }));
}
