import type { LitigationCommandType, LitigationStatus } from './litigation-case.types';

/*
 * The transition table (API.md "Litigation and court appearances"). A judgment can be recorded
 * on a pending case as well as a defended one (the defence is not a precondition of a judgment:
 * 行政诉讼法 第六十七条第二款, 被告不提出答辩状的，不影响人民法院审理). Service of the judgment
 * may be recorded after an appeal (the other party may have appealed first). A judicial
 * recommendation (司法建议, 负责人出庭应诉规定 第十二条) may arrive at any time, even after closing.
 */
const TABLE: Readonly<Record<LitigationStatus, readonly LitigationCommandType[]>> = {
  pending: ['submit_defense', 'record_judgment', 'record_judicial_recommendation'],
  defended: ['record_judgment', 'record_judicial_recommendation'],
  judged: ['record_service', 'appeal', 'close', 'record_judicial_recommendation'],
  appealed: ['record_service', 'close', 'record_judicial_recommendation'],
  closed: ['record_judicial_recommendation'],
};

/** Every command allowed in `status`. */
export function litigationCommandsAllowed(status: LitigationStatus): LitigationCommandType[] {
  return [...(TABLE[status] ?? [])];
}

export function isLitigationCommandAllowed(
  status: LitigationStatus,
  type: LitigationCommandType,
): boolean {
  return TABLE[status]?.includes(type) ?? false;
}
