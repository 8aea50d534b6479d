import {
  daysBetween,
  shiftLegalDate,
  type LegalDate,
} from '../../domain/calendar/legal-date.value';
import { appearancePlanIssues } from '../../domain/litigation/appearance-plan-issues.rule';
import type { AppearancePlan } from '../../domain/litigation/court-appearance.rule';
import { officialsArticle } from '../../domain/litigation/litigation-decision.factory';
import { toShanghaiIso } from '../hearings/hearing.mapper';
import type { CourtAppearanceEntity } from './court-appearance.entity';
import type { CourtSessionViewRow } from './court-session.repository';
import type {
  AppearancePlanViewDto,
  AppearanceViewDto,
  CourtSessionDto,
} from './dto/court-session.dto';
import type { DefendantView } from './litigation-case.repository';

/** 负责人出庭应诉规定 第五条第二款: the notice at least 3 days before the session. */
export const APPEARANCE_NOTICE_DAYS = 3;

export function planOf(row: CourtAppearanceEntity | undefined): AppearancePlan | null {
  if (!row || !row.planned) return null;
  return {
    official: row.planOfficial,
    identityProofFiledOn: row.identityProofFiledOn,
    absenceReason: row.planAbsenceReason,
    absenceProofSealed: row.planAbsenceProofSealed,
    staff: row.planStaff,
  };
}

function planView(row: CourtAppearanceEntity | undefined): AppearancePlanViewDto | null {
  const plan = planOf(row);
  return plan === null ? null : { ...plan };
}

function appearanceView(row: CourtAppearanceEntity | undefined): AppearanceViewDto | null {
  if (!row || row.classification === null || row.heldOn === null) return null;
  return {
    heldOn: row.heldOn,
    appeared: row.appeared === true,
    official: row.official,
    absenceReason: row.absenceReason,
    absenceExplanation: row.absenceExplanation,
    absenceProofSealed: row.absenceProofSealed === true,
    staff: row.staff,
    lawyerOnly: row.lawyerOnly === true,
    spokeOnMerits: row.spokeOnMerits,
    classification: row.classification,
    recordedAt: row.recordedAt ? toShanghaiIso(row.recordedAt) : null,
  };
}

/** A session with every defendant's plan, plan issues and record. */
export function toCourtSessionDto(
  row: CourtSessionViewRow,
  defendants: readonly DefendantView[],
  appearances: readonly CourtAppearanceEntity[],
  focusAgencyId?: string,
): CourtSessionDto {
  const days = daysBetween(row.notice_received_on as LegalDate, row.session_on as LegalDate);
  const rows = defendants.map((defendant) => ({
    defendant,
    row: appearances.find((a) => a.sessionId === row.id && a.defendantId === defendant.id),
  }));
  const focus =
    rows.find((entry) => entry.defendant.agencyId === focusAgencyId) ??
    rows.find((entry) => entry.row !== undefined) ??
    rows[0];
  return {
    id: row.id,
    caseId: row.case_id,
    agencyId: row.agency_id,
    courtCaseNumber: row.court_case_number,
    courtName: row.court_name,
    courtSessionId: row.court_session_id,
    startsAt: toShanghaiIso(row.starts_at),
    sessionOn: row.session_on,
    courtroom: row.courtroom,
    noticeReceivedOn: row.notice_received_on,
    appearanceNotice: {
      days,
      requiredDays: APPEARANCE_NOTICE_DAYS,
      earliestSessionOn: shiftLegalDate(
        row.notice_received_on as LegalDate,
        APPEARANCE_NOTICE_DAYS,
      ),
      shortNotice: row.short_notice,
      basis: officialsArticle('第五条第二款'),
    },
    headSummoned: row.head_summoned,
    headSummonRequired: row.head_summon_required,
    status: row.status,
    heldOn: row.held_on,
    cancelReason: row.cancel_reason,
    appearancePlan: planView(focus?.row),
    appearance: appearanceView(focus?.row),
    appearances: rows.map(({ defendant, row: appearance }) => ({
      defendantAgencyId: defendant.agencyId,
      defendantName: defendant.name,
      role: defendant.role,
      plan: planView(appearance),
      planIssues:
        row.status === 'scheduled'
          ? appearancePlanIssues(planOf(appearance), {
              headSummoned: row.head_summoned,
              headSummonRequired: row.head_summon_required,
            })
          : [],
      appearance: appearanceView(appearance),
    })),
    version: row.version,
  };
}
