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

  /** Set by an admin or head (or a generated bootstrap password): changed at the next login. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired!: boolean;

  /** The TOTP secret, sealed (SecretBox); pending until `mfaEnabledAt` is set by activation. */
  @Column({ name: 'mfa_secret', type: 'text', nullable: true })
  mfaSecret!: string | null;

  @Column({ name: 'mfa_enabled_at', type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** The last TOTP time step accepted: a code is good once (RFC 6238 §5.2). */
  @Column({ name: 'mfa_last_step', type: 'bigint', nullable: true })
  mfaLastStep!: string | null;
}
