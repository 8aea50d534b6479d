import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DefendantRole, DefendantTask } from '../../domain/litigation/defendants.rule';

/**
 * A defendant agency of a litigation case (行政诉讼法 第二十六条), with its role and what it must
 * defend. The body itself is a defendant when it is sued (alone or as co-defendant).
 */
@Entity('litigation_defendant')
@Index('litigation_defendant_case_agency_key', ['caseId', 'agencyId'], { unique: true })
@Index('litigation_defendant_agency_idx', ['agencyId'])
@Check('litigation_defendant_role_check', `"role" IN ('original_act', 'reconsideration_body')`)
export class LitigationDefendantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The reconsideration body (tenant) of the case. */
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** The defendant agency. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  role!: DefendantRole;

  @Column({ type: 'text' })
  task!: DefendantTask;

  @Column({ type: 'smallint' })
  position!: number;
}
