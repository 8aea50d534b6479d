/*
 * In-process benchmark of the legal calendar and period arithmetic (target ≥ 1,000,000 mixed
 * due-date computations per second). Builds the calendar from the `chinese-days` data, as the seed
 * does, then times a pre-generated mix of working-day, calendar-day and month periods, and full
 * self-explaining deadline records.
 *
 *   npm run bench:calendar        (or: node dist/bench/calendar.bench.js [operations])
 */
import { readFileSync } from 'node:fs';
import { addCalendarDays } from '../src/domain/calendar/add-calendar-days.period';
import { addMonths } from '../src/domain/calendar/add-months.period';
import { addWorkingDays } from '../src/domain/calendar/add-working-days.period';
import type { CalendarData, CalendarYearData } from '../src/domain/calendar/calendar-data.type';
import { countWorkingDays } from '../src/domain/calendar/count-working-days.period';
import { LegalCalendar } from '../src/domain/calendar/legal-calendar.model';
import {
  dayNumberFromParts,
  legalDateFromDayNumber,
} from '../src/domain/calendar/legal-date.value';
import type { LegalDate } from '../src/domain/calendar/legal-date.value';
import { computeDeadline } from '../src/domain/deadlines/compute-deadline.rule';
import type { DeadlineInput } from '../src/domain/deadlines/compute-deadline.rule';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function calendarDataFromChineseDays(): CalendarData {
  const path = require.resolve('chinese-days/dist/chinese-days.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as ChineseDaysJson;
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const yearEntry = (date: string): { holidays: string[]; workdays: string[] } => {
    const year = Number(date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { holidays: [], workdays: [] };
      years.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(json.holidays)) yearEntry(date).holidays.push(date);
  for (const date of Object.keys(json.workdays)) yearEntry(date).workdays.push(date);
  const list: CalendarYearData[] = [...years.entries()].map(([year, entry]) => ({
    year,
    ...entry,
  }));
  return { version: 1, years: list };
}

/** Deterministic pseudo-random numbers (mulberry32), so runs compare. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function time(label: string, operations: number, run: () => number): void {
  const started = process.hrtime.bigint();
  const sink = run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = Math.round(operations / seconds);
  console.log(
    `${label.padEnd(44)} ${operations.toLocaleString('en-US').padStart(11)} ops ` +
      `${seconds.toFixed(3).padStart(7)} s ${perSecond.toLocaleString('en-US').padStart(12)} ops/s` +
      `  (sink ${sink})`,
  );
}

function main(): void {
  const operations = Number(process.argv[2] ?? 3_000_000);
  const data = calendarDataFromChineseDays();

  const buildStarted = process.hrtime.bigint();
  const calendar = LegalCalendar.fromData(data);
  const buildMs = Number(process.hrtime.bigint() - buildStarted) / 1e6;
  console.log(
    `calendar: ${calendar.years[0]}–${calendar.years[calendar.years.length - 1]} ` +
      `(${calendar.years.length} years) built in ${buildMs.toFixed(1)} ms`,
  );

  // Pre-generated inputs: start dates 2004-01-01 … 2025-12-31 so that results stay in range.
  const next = random(42);
  const first = dayNumberFromParts(2004, 1, 1);
  const span = dayNumberFromParts(2025, 12, 31) - first;
  const size = 1 << 16;
  const dates: LegalDate[] = [];
  const kinds = new Uint8Array(size);
  const lengths = new Uint16Array(size);
  const WORKING_DAY_LENGTHS = [3, 5, 7, 10];
  const DAY_LENGTHS = [10, 15, 30, 45, 60];
  for (let i = 0; i < size; i++) {
    dates.push(legalDateFromDayNumber(first + Math.floor(next() * span)));
    const kind = Math.floor(next() * 3);
    kinds[i] = kind;
    lengths[i] =
      kind === 0
        ? WORKING_DAY_LENGTHS[Math.floor(next() * 4)]
        : kind === 1
          ? DAY_LENGTHS[Math.floor(next() * 5)]
          : 1 + Math.floor(next() * 6);
  }
  const mask = size - 1;

  const mixed = (count: number): number => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      const slot = i & mask;
      const from = dates[slot];
      switch (kinds[slot]) {
        case 0:
          sink += addWorkingDays(calendar, from, lengths[slot]).charCodeAt(9);
          break;
        case 1:
          sink += addCalendarDays(calendar, from, lengths[slot]).dueOn.charCodeAt(9);
          break;
        default:
          sink += addMonths(calendar, from, lengths[slot]).dueOn.charCodeAt(9);
      }
    }
    return sink;
  };

  // Inputs built as object literals of one shape, as a service builds them from rows. (Objects
  // made by spreading many different bases get a hidden class each in V8 and read ~5× slower.)
  const DEADLINE_MIX: readonly Omit<DeadlineInput, 'triggerOn'>[] = [
    { kind: 'acceptance_review' },
    { kind: 'copy_to_respondent', procedure: 'ordinary' },
    { kind: 'respondent_reply', procedure: 'simplified' },
    { kind: 'decision', procedure: 'ordinary' },
    { kind: 'decision', procedure: 'simplified' },
    { kind: 'litigation_window' },
    { kind: 'appeal_window', instrument: 'judgment' },
    { kind: 'first_instance_term', procedure: 'ordinary' },
  ];
  const inputs: DeadlineInput[] = [];
  for (let i = 0; i < size; i++) {
    const { kind, procedure, instrument } = DEADLINE_MIX[i % DEADLINE_MIX.length];
    inputs.push({ kind, triggerOn: dates[i], procedure, instrument });
  }
  const records = (count: number): number => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      const record = computeDeadline(calendar, inputs[i & mask]);
      sink += record.dueOn === null ? 0 : record.dueOn.charCodeAt(9);
    }
    return sink;
  };

  // Decisions with a closed suspension (0–39 days) and one extension (1–30 days).
  const ledgerInputs = Array.from({ length: size }, (_, i): DeadlineInput => {
    const accepted = first + ((i * 7919) % span);
    return {
      kind: 'decision',
      triggerOn: legalDateFromDayNumber(accepted),
      procedure: 'ordinary',
      instrument: undefined,
      ledger: {
        suspensions: [
          {
            from: legalDateFromDayNumber(accepted + 10),
            to: legalDateFromDayNumber(accepted + 10 + (i % 40)),
          },
        ],
        extensions: [{ days: 1 + (i % 30), approvedOn: legalDateFromDayNumber(accepted + 50) }],
      },
    };
  });
  const ledgerRecords = (count: number): number => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      const record = computeDeadline(calendar, ledgerInputs[i & mask]);
      sink += record.dueOn === null ? 0 : record.dueOn.charCodeAt(9);
    }
    return sink;
  };

  const counts = (count: number): number => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      sink += countWorkingDays(calendar, dates[i & mask], dates[(i + 1) & mask]);
    }
    return sink;
  };

  // Warm-up, then measure.
  mixed(200_000);
  records(200_000);
  counts(200_000);
  ledgerRecords(200_000);
  time('mixed addWorkingDays/addCalendarDays/addMonths', operations, () => mixed(operations));
  time('computeDeadline (self-explaining records)', operations, () => records(operations));
  time('computeDeadline with suspension + extension', operations, () => ledgerRecords(operations));
  time('countWorkingDays', operations, () => counts(operations));
}

main();
