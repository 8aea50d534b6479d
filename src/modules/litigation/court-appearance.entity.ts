import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type {
  AbsenceReason,
  AppearanceClassification,
  Official,
  OfficialRank,
  StaffMember,
} from '../../domain/litigation/court-appearance.rule';

/**
 * Who appears for one defendant at one court session (负责人出庭应诉规定): the plan before it and
 * the record of what happened, with its classification. One row per (session, defendant).
 */
@Entity('court_appearance')
@Index('court_appearance_session_defendant_key', ['sessionId', 'defendantId'], { unique: true })
@Index('court_appearance_tenant_held_idx', ['tenantId', 'heldOn'])
@Check(
  'court_appearance_classification_check',
  `"classification" IS NULL OR "classification" IN ('qualifying_appearance', 'excused_absence', 'unexcused_absence', 'staff_only_no_reason', 'lawyer_only', 'nobody')`,
)
export class CourtAppearanceEntity extends TimestampedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The litigation_defendant row. */
  @Column({ name: 'defendant_id', type: 'uuid' })
  defendantId!: string;

  /** The defendant agency. */
  @Column({ name: 'defendant_agency_id', type: 'uuid' })
  defendantAgencyId!: string;

  // The plan.
  @Column({ name: 'planned', type: 'boolean', default: false })
  planned!: boolean;

  @Column({ name: 'plan_official', type: 'jsonb', nullable: true })
  planOfficial!: Official | null;

  @Column({ name: 'identity_proof_filed_on', type: 'date', nullable: true })
  identityProofFiledOn!: LegalDate | null;

  @Column({ name: 'plan_absence_reason', type: 'text', nullable: true })
  planAbsenceReason!: AbsenceReason | null;

  @Column({ name: 'plan_absence_proof_sealed', type: 'boolean', default: false })
  planAbsenceProofSealed!: boolean;

  @Column({ name: 'plan_staff', type: 'jsonb', nullable: true })
  planStaff!: StaffMember | null;

  // The record of what happened.
  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn!: LegalDate | null;

  @Column({ type: 'boolean', nullable: true })
  appeared!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  official!: Official | null;

  @Column({ name: 'official_rank', type: 'text', nullable: true })
  officialRank!: OfficialRank | null;

  @Column({ name: 'absence_reason', type: 'text', nullable: true })
  absenceReason!: AbsenceReason | null;

  @Column({ name: 'absence_explanation', type: 'text', nullable: true })
  absenceExplanation!: string | null;

  @Column({ name: 'absence_proof_sealed', type: 'boolean', nullable: true })
  absenceProofSealed!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  staff!: StaffMember | null;

  @Column({ name: 'lawyer_only', type: 'boolean', nullable: true })
  lawyerOnly!: boolean | null;

  @Column({ name: 'spoke_on_merits', type: 'boolean', nullable: true })
  spokeOnMerits!: boolean | null;

  @Column({ type: 'text', nullable: true })
  classification!: AppearanceClassification | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;
}
