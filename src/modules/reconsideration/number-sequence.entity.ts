import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gapless per-agency, per-year sequences for receipt and case numbers. */
@Entity('number_sequence')
export class NumberSequenceEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** receipt | case */
  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}
