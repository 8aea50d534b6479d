import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarData, CalendarYearData } from '../../domain/calendar/calendar-data.type';
import type { CalendarSource } from './calendar-year.entity';

export interface StoredCalendarYear extends CalendarYearData {
  source: CalendarSource;
  version: number;
  updatedAt: string;
}

const SELECT_YEARS = `SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays,
                             source, version, updated_at::text AS "updatedAt"
                        FROM calendar_year`;

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async currentVersion(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<Array<{ version: number }>>(
      'SELECT coalesce(max(version), 0)::int AS version FROM calendar_year',
    );
    return row.version;
  }

  async loadAll(manager: EntityManager = this.dataSource.manager): Promise<CalendarData> {
    const rows = await manager.query<StoredCalendarYear[]>(`${SELECT_YEARS} ORDER BY year`);
    return {
      version: rows.reduce((max, row) => Math.max(max, row.version), 0),
      years: rows,
    };
  }

  async findYear(
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredCalendarYear | null> {
    const rows = await manager.query<StoredCalendarYear[]>(`${SELECT_YEARS} WHERE year = $1`, [
      year,
    ]);
    return rows[0] ?? null;
  }

  /** Seeds years not held yet; never overwrites a year an administrator replaced. Returns them. */
  async insertMissingYears(years: readonly CalendarYearData[]): Promise<number[]> {
    if (years.length === 0) return [];
    const inserted = await this.dataSource.query<Array<{ year: number }>>(
      `INSERT INTO calendar_year (year, holidays, workdays, source, version)
       SELECT y.year, y.holidays::date[], y.workdays::date[], 'chinese-days', 1
         FROM jsonb_to_recordset($1::jsonb) AS y(year int, holidays text[], workdays text[])
       ON CONFLICT (year) DO NOTHING
       RETURNING year`,
      [JSON.stringify(years)],
    );
    return inserted.map((row) => row.year);
  }

  /**
   * Replaces a year inside the caller's transaction and returns the new calendar version. The
   * table is locked so that concurrent replacements get distinct, increasing versions.
   */
  async replaceYear(manager: EntityManager, data: CalendarYearData): Promise<number> {
    await manager.query('LOCK TABLE calendar_year IN SHARE ROW EXCLUSIVE MODE');
    const [{ version }] = await manager.query<Array<{ version: number }>>(
      'SELECT coalesce(max(version), 0)::int + 1 AS version FROM calendar_year',
    );
    await manager.query(
      `INSERT INTO calendar_year (year, holidays, workdays, source, version, updated_at)
       VALUES ($1, $2::date[], $3::date[], 'admin', $4, now())
       ON CONFLICT (year) DO UPDATE
         SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
             source = 'admin', version = EXCLUDED.version, updated_at = now()`,
      [data.year, data.holidays, data.workdays, version],
    );
    return version;
  }
}
