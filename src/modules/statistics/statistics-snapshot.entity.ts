import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A frozen month of one body (DESIGN, "Frozen months"): the figures as reported. A re-freeze
 * supersedes the current snapshot and keeps it; at most one current snapshot per body and month.
 */
@Entity('statistics_snapshot')
@Index('statistics_snapshot_current_key', { synchronize: false })
@Check('statistics_snapshot_month_check', `"month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class StatisticsSnapshotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_statistics_snapshot' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** `YYYY-MM`. */
  @Column({ type: 'text' })
  month!: string;

  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  /** The counts the figures were made of, so a year sums its frozen months. */
  @Column({ type: 'jsonb' })
  tallies!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  definitions!: Record<string, unknown>;

  @Column({ name: 'frozen_at', type: 'timestamptz' })
  frozenAt!: Date;

  @Column({ name: 'frozen_by_id', type: 'uuid', nullable: true })
  frozenById!: string | null;

  @Column({ name: 'frozen_by_name', type: 'text' })
  frozenByName!: string;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById!: string | null;
}
