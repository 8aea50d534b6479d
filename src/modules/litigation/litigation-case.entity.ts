import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedRecord } from '../../database/record-columns';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { Procedure } from '../../domain/deadlines/deadline-definition.type';
import type {
  AppealFacts,
  JudicialRecommendation,
  LitigationInstance,
  LitigationStatus,
  RetrialProcedure,
} from '../../domain/litigation/litigation-case.types';

/**
 * A plaintiff as stored: the ID number sealed with SecretBox (AES-256-GCM), its keyed hash for
 * exact search, and the masked form for lists and logs. The clear number never reaches the
 * database.
 */
export interface PlaintiffRecord {
  kind: 'person' | 'organization';
  name: string;
  idNumberSealed: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
}

/**
 * A lawsuit in which agencies of the body's government are defendants (行政应诉), one row per
 * instance (an appeal or retrial is its own row, linked by `previous_instance_id`). Property
 * names match the pure machine's `LitigationFacts`, so a decision's changes apply as they are;
 * the judgment lives in `litigation_judgment`.
 */
@Entity('litigation_case')
@Index('litigation_case_number_key', ['agencyId', 'courtCaseNumber'], { unique: true })
@Index('litigation_case_list_idx', ['agencyId', 'complaintReceivedOn', 'id'])
@Index('litigation_case_status_idx', ['agencyId', 'status', 'complaintReceivedOn', 'id'])
@Index('litigation_case_reconsideration_idx', ['reconsiderationCaseId'])
@Index('litigation_case_previous_idx', ['previousInstanceId'])
@Index('litigation_case_search_trgm_idx', { synchronize: false })
@Index('litigation_case_plaintiff_hash_idx', { synchronize: false })
@Index('litigation_case_recommendations_idx', { synchronize: false })
@Index('litigation_case_statistics_idx', { synchronize: false })
@Check(
  'litigation_case_status_check',
  `"status" IN ('pending', 'defended', 'judged', 'appealed', 'closed')`,
)
@Check('litigation_case_instance_check', `"instance" IN ('first', 'second', 'retrial')`)
export class LitigationCaseEntity extends VersionedRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The reconsideration body (the tenant) whose government's agencies are sued. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  /** Canonical 案号, e.g. （2024）赣0281行初12号. */
  @Column({ name: 'court_case_number', type: 'text' })
  courtCaseNumber!: string;

  @Column({ name: 'court_case_year', type: 'integer' })
  courtCaseYear!: number;

  @Column({ name: 'court_code', type: 'text' })
  courtCode!: string;

  /** 类型代字: 行初, 行终, 行再, 行赔初, … */
  @Column({ name: 'court_case_type', type: 'text' })
  courtCaseType!: string;

  @Column({ name: 'court_name', type: 'text' })
  courtName!: string;

  @Column({ type: 'text' })
  instance!: LitigationInstance;

  @Column({ type: 'text' })
  procedure!: Procedure;

  @Column({ name: 'retrial_procedure', type: 'text', nullable: true })
  retrialProcedure!: RetrialProcedure | null;

  @Column({ type: 'text' })
  status!: LitigationStatus;

  @Column({ type: 'jsonb' })
  plaintiffs!: PlaintiffRecord[];

  /** Keyed hashes of the plaintiffs' ID numbers (exact search without the clear number). */
  @Column({ name: 'plaintiff_id_hashes', type: 'text', array: true })
  plaintiffIdHashes!: string[];

  @Column({ name: 'reconsideration_case_id', type: 'uuid', nullable: true })
  reconsiderationCaseId!: string | null;

  @Column({ name: 'previous_instance_id', type: 'uuid', nullable: true })
  previousInstanceId!: string | null;

  /** 复议维持共同被告 (行政诉讼法 第二十六条第二款), derived from the linked outcome. */
  @Column({ name: 'co_defendant', type: 'boolean' })
  coDefendant!: boolean;

  /** 案由, free text. */
  @Column({ type: 'text' })
  cause!: string;

  @Column({ name: 'act_kind', type: 'text' })
  actKind!: string;

  @Column({ type: 'text' })
  field!: string;

  @Column({ name: 'state_compensation', type: 'boolean' })
  stateCompensation!: boolean;

  /** 负责人出庭应诉规定 第四条: the court must summon the head. */
  @Column({ name: 'head_summon_required', type: 'boolean' })
  headSummonRequired!: boolean;

  @Column({ name: 'filed_on', type: 'date', nullable: true })
  filedOn!: LegalDate | null;

  @Column({ name: 'complaint_received_on', type: 'date' })
  complaintReceivedOn!: LegalDate;

  @Column({ name: 'evidence_obstacle_removed_on', type: 'date', nullable: true })
  evidenceObstacleRemovedOn!: LegalDate | null;

  @Column({ name: 'defense_submitted_on', type: 'date', nullable: true })
  defenseSubmittedOn!: LegalDate | null;

  @Column({ name: 'defense_late', type: 'boolean', default: false })
  defenseLate!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  appeal!: AppealFacts | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: LegalDate | null;

  @Column({ name: 'judicial_recommendations', type: 'jsonb' })
  judicialRecommendations!: JudicialRecommendation[];

  /** 案号, court and plaintiffs' names, for `q` (pg_trgm index). */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
