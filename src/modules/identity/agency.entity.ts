import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { VersionedRecord } from '../../database/record-columns';

export const AGENCY_KINDS = ['reconsideration_body', 'administrative_agency'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * A reconsideration body (the tenant: a government whose justice bureau runs the office) or an
 * administrative agency (respondent or defendant). `tenantId` is the reconsideration body whose
 * data the row is: itself for a body, the body it stands under for an agency.
 */
@Entity('agency')
@Check('agency_kind_check', `"kind" IN ('reconsideration_body', 'administrative_agency')`)
export class AgencyEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('agency_code_key', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  kind!: AgencyKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'agency_parent_fk' })
  parent?: AgencyEntity;

  @Index('agency_tenant_idx')
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** e.g. `乐府复收〔{year}〕{seq}号` */
  @Column({ name: 'receipt_number_template', type: 'text', nullable: true })
  receiptNumberTemplate!: string | null;

  /** e.g. `乐府复〔{year}〕{seq}号` */
  @Column({ name: 'case_number_template', type: 'text', nullable: true })
  caseNumberTemplate!: string | null;
}
