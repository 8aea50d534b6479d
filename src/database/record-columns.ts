import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** When a row was created and last changed. */
export abstract class TimestampedRecord {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A record with a version, bumped on every save: its ETag, and the check of `If-Match`. */
export abstract class VersionedRecord extends TimestampedRecord {
  @VersionColumn()
  version!: number;
}
