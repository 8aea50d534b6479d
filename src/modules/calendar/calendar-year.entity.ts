import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type CalendarSource = 'chinese-days' | 'admin';

/** One year of the State Council's holiday arrangement; the legal calendar is these rows. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  /** Public-holiday rest days. */
  @Column({ type: 'date', array: true })
  holidays!: string[];

  /** Adjusted working days (调休上班日). */
  @Column({ type: 'date', array: true })
  workdays!: string[];

  /** `chinese-days` when seeded from the npm package, `admin` once replaced by an administrator. */
  @Column({ type: 'text' })
  source!: CalendarSource;

  /** The calendar version at this year's last change; the calendar's version is the maximum. */
  @Column({ type: 'integer' })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
