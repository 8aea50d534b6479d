import { writeFile } from 'node:fs/promises';
import {
  parseMonth,
  parseYear,
  StatisticsPeriodError,
  type StatisticsPeriod,
} from '../../domain/statistics/statistics-period.value';
import { toCsv, toXlsx, type ExportFormat } from './statistics-export';
import type { StatisticsService } from './statistics.service';

/** `npm run stats:export` arguments, parsed. */
export interface ExportArguments {
  readonly period: StatisticsPeriod;
  /** The body's code; null: every body (the roll-up). */
  readonly agencyCode: string | null;
  readonly format: ExportFormat;
  readonly out: string;
}

export const EXPORT_USAGE =
  'usage: npm run stats:export -- --month YYYY-MM | --year YYYY [--agency CODE] ' +
  '--format json|csv|xlsx --out FILE   (no --agency: every body)';

export class ExportArgumentError extends Error {}

/** Parses `--month|--year`, `--agency`, `--format`, `--out` (also `--name=value`). */
export function parseExportArguments(argv: readonly string[]): ExportArguments {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) throw new ExportArgumentError(`unexpected "${argument}"`);
    const [name, inline] = argument.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? argv[++index];
    if (value === undefined || value.startsWith('--')) {
      throw new ExportArgumentError(`--${name} needs a value`);
    }
    if (!['month', 'year', 'agency', 'format', 'out'].includes(name)) {
      throw new ExportArgumentError(`unknown option --${name}`);
    }
    values.set(name, value);
  }
  const month = values.get('month');
  const year = values.get('year');
  if ((month === undefined) === (year === undefined)) {
    throw new ExportArgumentError('give one of --month YYYY-MM or --year YYYY');
  }
  const format = values.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx') {
    throw new ExportArgumentError(`--format must be json, csv or xlsx (got "${format}")`);
  }
  const out = values.get('out');
  if (!out) throw new ExportArgumentError('--out FILE is required');
  let period: StatisticsPeriod;
  try {
    period = month !== undefined ? parseMonth(month) : parseYear(year ?? '');
  } catch (error) {
    if (error instanceof StatisticsPeriodError) throw new ExportArgumentError(error.message);
    throw error;
  }
  return { period, agencyCode: values.get('agency') ?? null, format, out };
}

/** Computes the report as the API does and writes it; returns the bytes written. */
export async function exportStatistics(
  statistics: StatisticsService,
  args: ExportArguments,
): Promise<number> {
  const report = await statistics.reportForCode(args.agencyCode, args.period);
  const data =
    args.format === 'csv'
      ? toCsv(report)
      : args.format === 'xlsx'
        ? await toXlsx(report)
        : Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
  await writeFile(args.out, data);
  return data.length;
}
