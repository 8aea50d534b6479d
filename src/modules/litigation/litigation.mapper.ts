import type { SecretBox } from '../../common/crypto/secret-box';
import { appealabilityOf } from '../../domain/litigation/appealability.rule';
import { DEFENDANT_TASKS } from '../../domain/litigation/defendants.rule';
import { litigationCommandsAllowed } from '../../domain/litigation/litigation-allowed-commands.rule';
import type { JudgmentFacts, LitigationFacts } from '../../domain/litigation/litigation-case.types';
import { DEADLINE_CONSEQUENCES } from '../../domain/litigation/deadline-consequences.rule';
import { maskIdNumber } from '../../domain/reconsideration/id-card-number.value';
import type { DeadlineView } from '../deadlines/deadline.repository';
import { toDeadlineDto } from '../reconsideration/case.mapper';
import type {
  LitigationCaseDto,
  LitigationCaseSummaryDto,
  LitigationDeadlineDto,
  PlaintiffViewDto,
} from './dto/litigation-case.dto';
import type { PlaintiffDto } from './dto/create-litigation-case.dto';
import type { LitigationCaseEntity, PlaintiffRecord } from './litigation-case.entity';
import type { DefendantView, LitigationSummaryRow } from './litigation-case.repository';
import type { LitigationJudgmentEntity } from './litigation-judgment.entity';

export function toJudgmentFacts(judgment: LitigationJudgmentEntity | null): JudgmentFacts | null {
  if (judgment === null) return null;
  return {
    decidedOn: judgment.decidedOn,
    kind: judgment.kind,
    disposition: judgment.disposition,
    partial: judgment.partial,
    servedOn: judgment.servedOn,
    result: judgment.result,
  };
}

/** What the pure machine decides on. */
export function toLitigationFacts(
  entity: LitigationCaseEntity,
  judgment: LitigationJudgmentEntity | null,
): LitigationFacts {
  return {
    status: entity.status,
    instance: entity.instance,
    procedure: entity.procedure,
    retrialProcedure: entity.retrialProcedure,
    filedOn: entity.filedOn,
    complaintReceivedOn: entity.complaintReceivedOn,
    evidenceObstacleRemovedOn: entity.evidenceObstacleRemovedOn,
    defenseSubmittedOn: entity.defenseSubmittedOn,
    defenseLate: entity.defenseLate,
    judgment: toJudgmentFacts(judgment),
    appeal: entity.appeal,
    closedOn: entity.closedOn,
    judicialRecommendations: entity.judicialRecommendations,
  };
}

/** Seals the plaintiffs' ID numbers; the clear number is never stored. */
export function sealPlaintiffs(
  box: SecretBox,
  plaintiffs: readonly PlaintiffDto[],
): { records: PlaintiffRecord[]; hashes: string[] } {
  const records = plaintiffs.map((plaintiff) => {
    const id = plaintiff.idNumber ?? null;
    return {
      kind: plaintiff.kind,
      name: plaintiff.name.trim(),
      idNumberSealed: id === null ? null : box.seal(id),
      idNumberHash: id === null ? null : box.hash(id),
      idNumberMasked: id === null ? null : plaintiff.kind === 'person' ? maskIdNumber(id) : id,
    };
  });
  return {
    records,
    hashes: records.flatMap((record) => (record.idNumberHash ? [record.idNumberHash] : [])),
  };
}

/** The plaintiffs as the audit trail and logs see them: masked numbers only. */
export function maskedPlaintiffs(records: readonly PlaintiffRecord[]) {
  return records.map((record) => ({
    kind: record.kind,
    name: record.name,
    idNumber: record.idNumberMasked,
  }));
}

function plaintiffView(box: SecretBox, record: PlaintiffRecord, clear: boolean): PlaintiffViewDto {
  return {
    kind: record.kind,
    name: record.name,
    idNumber:
      clear && record.idNumberSealed !== null
        ? box.open(record.idNumberSealed)
        : record.idNumberMasked,
  };
}

export function toLitigationDeadlineDto(
  deadline: DeadlineView,
  courtSessionId: string | null,
): LitigationDeadlineDto {
  const consequence = DEADLINE_CONSEQUENCES[deadline.kind] ?? null;
  return { ...toDeadlineDto(deadline), courtSessionId, ifMissed: consequence };
}

/** The full case; ID numbers in clear only for people who handle cases. */
export function toLitigationCaseDto(
  box: SecretBox,
  entity: LitigationCaseEntity,
  parts: {
    defendants: readonly DefendantView[];
    judgment: LitigationJudgmentEntity | null;
    deadlines: readonly LitigationDeadlineDto[];
    showIdNumbers: boolean;
  },
): LitigationCaseDto {
  const facts = toLitigationFacts(entity, parts.judgment);
  const judgment = parts.judgment;
  return {
    id: entity.id,
    agencyId: entity.agencyId,
    courtCaseNumber: entity.courtCaseNumber,
    courtCase: {
      year: entity.courtCaseYear,
      courtCode: entity.courtCode,
      typeCode: entity.courtCaseType,
    },
    courtName: entity.courtName,
    instance: entity.instance,
    procedure: entity.procedure,
    retrialProcedure: entity.retrialProcedure,
    status: entity.status,
    plaintiffs: entity.plaintiffs.map((p) => plaintiffView(box, p, parts.showIdNumbers)),
    defendants: parts.defendants.map((d) => ({
      agencyId: d.agencyId,
      name: d.name,
      code: d.code,
      role: d.role,
      task: d.task,
      taskDescription: DEFENDANT_TASKS[d.task],
    })),
    coDefendant: entity.coDefendant,
    reconsiderationCaseId: entity.reconsiderationCaseId,
    previousInstanceId: entity.previousInstanceId,
    cause: entity.cause,
    actKind: entity.actKind,
    field: entity.field,
    stateCompensation: entity.stateCompensation,
    headSummonRequired: entity.headSummonRequired,
    filedOn: entity.filedOn,
    complaintReceivedOn: entity.complaintReceivedOn,
    evidenceObstacleRemovedOn: entity.evidenceObstacleRemovedOn,
    defenseSubmittedOn: entity.defenseSubmittedOn,
    defenseLate: entity.defenseLate,
    judgment:
      judgment === null || facts.judgment === null
        ? null
        : {
            ...facts.judgment,
            appealable: appealabilityOf(facts, facts.judgment).appealable,
            courtDocumentId: judgment.courtDocumentId,
          },
    appeal: entity.appeal,
    closedOn: entity.closedOn,
    judicialRecommendations: entity.judicialRecommendations,
    allowedCommands: litigationCommandsAllowed(entity.status).map((type) =>
      type.replaceAll('_', '-'),
    ),
    deadlines: [...parts.deadlines],
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** A list row: ID numbers always masked. */
export function toLitigationSummaryDto(row: LitigationSummaryRow): LitigationCaseSummaryDto {
  return {
    id: row.id,
    courtCaseNumber: row.court_case_number,
    courtName: row.court_name,
    instance: row.instance,
    status: row.status,
    plaintiffs: row.plaintiffs.map((p) => ({
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumberMasked,
    })),
    coDefendant: row.co_defendant,
    cause: row.cause,
    complaintReceivedOn: row.complaint_received_on,
    judgmentResult: row.judgment_result,
    version: row.version,
  };
}

/** What `q` searches: the 案号 (as given and canonical), the court, the plaintiffs' names. */
export function searchTextOf(entity: LitigationCaseEntity): string {
  return [
    entity.courtCaseNumber,
    entity.courtCaseNumber.replace('（', '(').replace('）', ')'),
    entity.courtName,
    ...entity.plaintiffs.map((plaintiff) => plaintiff.name),
  ].join(' ');
}
