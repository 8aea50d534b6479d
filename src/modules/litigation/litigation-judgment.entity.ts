import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type {
  Disposition,
  JudgmentKind,
  JudgmentResult,
} from '../../domain/litigation/litigation-case.types';

/**
 * The court's decision ending one instance (判决, 裁定, 调解书): one per litigation case row. The
 * court liaison keys it by its document id, so a repeat is the same judgment.
 */
@Entity('litigation_judgment')
@Index('litigation_judgment_case_key', ['caseId'], { unique: true })
@Index('litigation_judgment_document_key', ['tenantId', 'courtDocumentId'], { unique: true })
// (tenant_id, decided_on) INCLUDE (kind, result): statistics (migration 1796300000000).
@Index('litigation_judgment_decided_idx', { synchronize: false })
@Check('litigation_judgment_kind_check', `"kind" IN ('judgment', 'ruling', 'mediation')`)
export class LitigationJudgmentEntity extends TimestampedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'court_document_id', type: 'text', nullable: true })
  courtDocumentId!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: LegalDate;

  @Column({ type: 'text' })
  kind!: JudgmentKind;

  @Column({ type: 'text' })
  disposition!: Disposition;

  @Column({ type: 'boolean' })
  partial!: boolean;

  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: LegalDate | null;

  /** win | lose | partial | withdrawn | mediated | other, with the losing set in force. */
  @Column({ type: 'text' })
  result!: JudgmentResult;
}
