import { Check, Column, Entity, Exclusion, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { HearingEntity } from './hearing.entity';
import type { ParticipantRole } from '../../domain/hearings/hearing.rules';

/**
 * A person on a hearing's panel (第五十条第三款: presiding officer, hearing officers, recorder),
 * with a copy of the hearing's time so that `hearing_participant_excl` can keep a person — in
 * any role — out of two overlapping hearings. `active` is false once the hearing is cancelled.
 */
@Entity('hearing_participant')
@Check(
  'hearing_participant_role_check',
  `"role" IN ('presiding_officer', 'panel_member', 'recorder')`,
)
@Exclusion(
  'hearing_participant_excl',
  `USING gist ("user_id" WITH =, "during" WITH &&) WHERE ("active")`,
)
export class HearingParticipantEntity {
  @PrimaryColumn({
    name: 'hearing_id',
    type: 'uuid',
    primaryKeyConstraintName: 'hearing_participant_pkey',
  })
  hearingId!: string;

  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'hearing_participant_pkey',
  })
  userId!: string;

  @ManyToOne(() => HearingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hearing_id', foreignKeyConstraintName: 'hearing_participant_hearing_fk' })
  hearing?: HearingEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'hearing_participant_user_fk' })
  user?: UserEntity;

  @Column({ type: 'text' })
  role!: ParticipantRole;

  /** Order on the panel as given (hearing officers in the order listed). */
  @Column({ type: 'smallint' })
  position!: number;

  /** `[starts_at, ends_at)` of the hearing. */
  @Column({ type: 'tstzrange' })
  during!: string;

  @Column({ type: 'boolean' })
  active!: boolean;
}
