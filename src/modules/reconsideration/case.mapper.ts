import { maskIdNumber } from '../../domain/reconsideration/id-card-number.value';
import type { CaseFacts } from '../../domain/reconsideration/reconsideration-case.types';
import { userCommandsAllowed } from '../../domain/reconsideration/allowed-commands.rule';
import type { DeadlineView } from '../deadlines/deadline.repository';
import type { ApplicantViewDto, CaseDeadlineDto, CaseDto, CaseSummaryDto } from './dto/case.dto';
import type { ApplicantRecord, ReconsiderationCaseEntity } from './reconsideration-case.entity';

function applicantView(applicant: ApplicantRecord, mask: boolean): ApplicantViewDto {
  const personal = applicant.kind === 'person' && applicant.idNumber;
  return {
    kind: applicant.kind,
    name: applicant.name,
    idNumber: personal && mask ? maskIdNumber(applicant.idNumber as string) : applicant.idNumber,
    contact: applicant.contact,
  };
}

export function toDeadlineDto(deadline: DeadlineView): CaseDeadlineDto {
  return {
    kind: deadline.kind,
    startOn: deadline.triggerOn,
    dueOn: deadline.dueOn,
    status: deadline.status,
    metOn: deadline.metOn,
    basis: deadline.record?.basis ?? null,
    provisional: deadline.record?.provisional ?? false,
    pendingYear: deadline.pendingYear,
    awaitingAction: deadline.awaitingAction?.replaceAll('_', '-') ?? null,
    explanation: deadline.record as Record<string, unknown> | null,
  };
}

/** The full case; ID numbers in clear only for roles that handle cases. */
export function toCaseDto(
  entity: ReconsiderationCaseEntity,
  deadlines: DeadlineView[],
  showIdNumbers: boolean,
): CaseDto {
  return {
    id: entity.id,
    agencyId: entity.agencyId,
    receiptNumber: entity.receiptNumber,
    caseNumber: entity.caseNumber,
    status: entity.status,
    procedure: entity.procedure,
    major: entity.major,
    hearingRequested: entity.hearingRequested,
    channel: entity.channel,
    applicants: entity.applicants.map((a) => applicantView(a, !showIdNumbers)),
    agent: entity.agent
      ? { ...entity.agent, idNumber: maskPartyId(entity.agent.idNumber, showIdNumbers) }
      : null,
    thirdParties: entity.thirdParties.map((p) => ({
      ...p,
      idNumber: maskPartyId(p.idNumber, showIdNumbers),
    })),
    respondent: { agencyId: entity.respondentAgencyId, name: entity.respondentName },
    contestedAct: {
      ...entity.contestedAct,
      realEstate: entity.realEstate,
      remedyRightsNotTold: entity.remedyRightsNotTold,
    },
    requests: entity.requests,
    factsAndReasons: entity.factsAndReasons,
    limitationObstacle: entity.limitationObstacle as Record<string, unknown> | null,
    remedyRightsLearnedOn: entity.remedyRightsLearnedOn,
    knownOn: entity.knownOn,
    receivedOn: entity.receivedOn,
    postmarkedOn: entity.postmarkedOn,
    acceptedOn: entity.acceptedOn,
    acceptedHow: entity.acceptedHow,
    rejectedOn: entity.rejectedOn,
    rejection: entity.rejection,
    abandonedOn: entity.abandonedOn,
    correction: {
      noticeOn: entity.correctionNoticeOn,
      items: entity.correctionItems,
      noticeServedOn: entity.correctionNoticeServedOn,
      receivedOn: entity.correctionReceivedOn,
      postmarkedOn: entity.correctionPostmarkedOn,
      extensions: entity.correctionExtensions as unknown as Record<string, unknown>[],
    },
    copySentOn: entity.copySentOn,
    respondentReceivedOn: entity.respondentReceivedOn,
    replyReceivedOn: entity.replyReceivedOn,
    replyPostmarkedOn: entity.replyPostmarkedOn,
    opinionHeardOn: entity.opinionHeardOn,
    opinionHeardHow: entity.opinionHeardHow,
    writtenReviewReason: entity.writtenReviewReason,
    hearingsHeld: entity.hearingsHeld,
    suspendedOn: entity.suspendedOn,
    suspensionGround: entity.suspensionGround,
    suspensions: entity.suspensions as unknown as Record<string, unknown>[],
    extension: entity.extension,
    decisionDueOn: entity.decisionDueOn,
    concludedOn: entity.concludedOn,
    outcome: entity.outcome,
    terminationReason: entity.terminationReason,
    decisionNumber: entity.decisionNumber,
    concludedLate: entity.concludedLate,
    lateReason: entity.lateReason,
    servedOn: entity.servedOn,
    archivedOn: entity.archivedOn,
    handlerId: entity.handlerId,
    allowedCommands: userCommandsAllowed(entity.status).map((type) => type.replaceAll('_', '-')),
    deadlines: deadlines.map(toDeadlineDto),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function maskPartyId(idNumber: string | null | undefined, show: boolean): string | null {
  if (!idNumber) return null;
  return show ? idNumber : maskIdNumber(idNumber);
}

export interface CaseSummaryRow {
  id: string;
  receipt_number: string;
  case_number: string | null;
  status: CaseSummaryDto['status'];
  procedure: string;
  applicants: ApplicantRecord[];
  respondent_name: string;
  act_title: string;
  received_on: string;
  accepted_on: string | null;
  decision_due_on: string | null;
  concluded_on: string | null;
  handler_id: string | null;
  version: number;
}

/** A list row: ID numbers always masked. */
export function toCaseSummaryDto(row: CaseSummaryRow): CaseSummaryDto {
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    caseNumber: row.case_number,
    status: row.status,
    procedure: row.procedure,
    applicants: row.applicants.map((a) => applicantView(a, true)),
    respondentName: row.respondent_name,
    contestedActTitle: row.act_title,
    receivedOn: row.received_on,
    acceptedOn: row.accepted_on,
    decisionDueOn: row.decision_due_on,
    concludedOn: row.concluded_on,
    handlerId: row.handler_id,
    version: row.version,
  };
}

/** What the pure machine decides on: the entity's properties carry the facts' names. */
export function toCaseFacts(entity: ReconsiderationCaseEntity): CaseFacts {
  return { ...entity, hearingHeld: entity.hearingsHeld > 0 };
}

/** What `q` searches: numbers, applicants, respondent, the act's title and number. */
export function searchTextOf(entity: ReconsiderationCaseEntity): string {
  return [
    entity.receiptNumber,
    entity.caseNumber,
    ...entity.applicants.map((applicant) => applicant.name),
    entity.respondentName,
    entity.contestedAct.documentNumber,
    entity.contestedAct.title,
  ]
    .filter(Boolean)
    .join(' ');
}
