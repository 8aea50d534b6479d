import ExcelJS from 'exceljs';
import type { PeriodFigures } from '../../domain/statistics/statistics-report';
import {
  BREAKDOWN_HEADERS,
  BREAKDOWN_SHEET,
  breakdownRows,
  headersOf,
  SHEETS,
  STATISTICS_COLUMNS,
  type StatisticsColumn,
} from './statistics-columns';
import type { StatisticsReport } from './statistics.service';

/*
 * Files of a report: CSV (UTF-8 with BOM, so Excel and WPS open it as Chinese; one row per month)
 * and XLSX (a sheet per section, frozen header rows, numbers as numbers, rates as percentages
 * with their numerator and denominator beside them; last, the period's breakdowns).
 */

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'json' | 'csv' | 'xlsx';

interface ExportRow {
  /** 期间: `2024-05`, or the range for a cumulative row. */
  readonly label: string;
  /** 口径: 当月, 累计 (year to date) or 全年. */
  readonly basis: '当月' | '累计' | '全年';
  readonly figures: PeriodFigures;
}

/** Rows of a report; `withYearToDate`: each month followed by its year-to-date row. */
function rowsOf(report: StatisticsReport, withYearToDate: boolean): ExportRow[] {
  const year = report.period.label.slice(0, 4);
  if (report.period.kind === 'month') {
    return [
      { label: report.period.label, basis: '当月', figures: report },
      ...(report.yearToDate
        ? [
            {
              label: `${year}-01至${report.period.label}`,
              basis: '累计' as const,
              figures: report.yearToDate,
            },
          ]
        : []),
    ];
  }
  const months = (report.months ?? []).flatMap((month): ExportRow[] => [
    { label: month.month, basis: '当月', figures: month },
    ...(withYearToDate
      ? [{ label: `${year}-01至${month.month}`, basis: '累计' as const, figures: month.yearToDate }]
      : []),
  ]);
  return [...months, { label: year, basis: '全年', figures: report }];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function csvCells(column: StatisticsColumn, figures: PeriodFigures): string[] {
  if ('rate' in column) {
    const rate = column.rate(figures);
    return [
      rate.value === null ? '' : String(round(rate.value * 100, 2)),
      String(rate.numerator),
      String(rate.denominator),
    ];
  }
  const value = column.count(figures);
  return [value === null ? '' : String(round(value, 2))];
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportTitle(report: StatisticsReport): string {
  const body = report.agency ? report.agency.name : '全部复议机关';
  return `${body} 行政复议与行政应诉统计 ${report.period.label}`;
}

/** The CSV: BOM, Chinese headers, one row per month (a yearly file ends with the year). */
export function toCsv(report: StatisticsReport): Buffer {
  const header = ['复议机关', '期间', '口径', ...headersOf(STATISTICS_COLUMNS)];
  const body = report.agency ? report.agency.name : '全部复议机关';
  const lines = [
    header,
    ...rowsOf(report, false).map((row) => [
      body,
      row.label,
      row.basis,
      ...STATISTICS_COLUMNS.flatMap((column) => csvCells(column, row.figures)),
    ]),
  ];
  return Buffer.from(
    '\uFEFF' + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n',
    'utf8',
  );
}

/** The XLSX: one sheet per section, title row and header row frozen. */
export async function toXlsx(report: StatisticsReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fuyi';
  const rows = rowsOf(report, true);
  for (const sheetName of SHEETS) {
    const columns = STATISTICS_COLUMNS.filter((column) => column.sheet === sheetName);
    const sheet = workbook.addWorksheet(sheetName, {
      views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
    });
    sheet.addRow([`${reportTitle(report)} — ${sheetName}`]);
    sheet.getRow(1).font = { bold: true };
    const headers = ['期间', '口径', ...headersOf(columns)];
    sheet.addRow(headers);
    sheet.getRow(2).font = { bold: true };
    sheet.getRow(2).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const row of rows) {
      const cells: (string | number | null)[] = [row.label, row.basis];
      const formats: (string | null)[] = [null, null];
      for (const column of columns) {
        if ('rate' in column) {
          const rate = column.rate(row.figures);
          cells.push(rate.value, rate.numerator, rate.denominator);
          formats.push('0.00%', '0', '0');
        } else {
          const value = column.count(row.figures);
          cells.push(value === null ? null : value);
          formats.push(value !== null && !Number.isInteger(value) ? '0.00' : '0');
        }
      }
      const added = sheet.addRow(cells);
      formats.forEach((format, index) => {
        if (format) added.getCell(index + 1).numFmt = format;
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 20 : Math.max(8, (headers[index]?.length ?? 4) * 2 + 2);
    });
  }
  addBreakdownSheet(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * 分类统计: the report's period by field, kind of act, kind of applicant and procedure — received,
 * accepted, concluded and the correction rate with its numerator and denominator.
 */
function addBreakdownSheet(workbook: ExcelJS.Workbook, report: StatisticsReport): void {
  const sheet = workbook.addWorksheet(BREAKDOWN_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
  });
  sheet.addRow([`${reportTitle(report)} — ${BREAKDOWN_SHEET}`]);
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([...BREAKDOWN_HEADERS]);
  sheet.getRow(2).font = { bold: true };
  for (const { dimension, value, figures } of breakdownRows(report.reconsideration)) {
    const rate = figures.correctionRate;
    const added = sheet.addRow([
      dimension,
      value,
      figures.received,
      figures.accepted,
      figures.concluded,
      rate.value,
      rate.numerator,
      rate.denominator,
    ]);
    added.getCell(6).numFmt = '0.00%';
  }
  sheet.columns.forEach((column, index) => {
    column.width = index < 2 ? 20 : 12;
  });
}

/** `attachment` with the body and the period in the name (UTF-8 per RFC 6266 / 5987). */
export function contentDisposition(report: StatisticsReport, extension: 'csv' | 'xlsx'): string {
  const body = report.agency ? `${report.agency.code}-${report.agency.name}` : '全部复议机关';
  const name = `${body}-行政复议统计-${report.period.label}.${extension}`;
  const ascii =
    `statistics-${report.agency ? report.agency.code : 'all'}-${report.period.label}.${extension}`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The format asked for: `format=` wins, else the Accept header, else JSON. */
export function negotiateFormat(
  format: string | undefined,
  accept: string | undefined,
): ExportFormat {
  if (format === 'csv' || format === 'xlsx' || format === 'json') return format;
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes(XLSX_TYPE)) return 'xlsx';
  if (wanted.includes(CSV_TYPE)) return 'csv';
  return 'json';
}
