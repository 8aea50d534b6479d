import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '../../database/record-columns';
import type { UserRole } from '../../common/auth/role';
import { AgencyEntity } from './agency.entity';

/** A person of an office. Usernames are stored lower-case, so uniqueness ignores case. */
@Entity('app_user')
export class UserEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', array: true })
  roles!: UserRole[];

  @Index('app_user_agency_idx')
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'app_user_agency_fk' })
  agency?: AgencyEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Bumped on deactivation and password change: tokens carrying an older value are refused. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;
}
