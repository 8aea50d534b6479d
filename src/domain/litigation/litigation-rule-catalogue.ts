import { DISPOSITION_INSTRUMENTS } from './judgment-result.rule';
import {
  interpretationArticle,
  litigationArticle,
  officialsArticle,
} from './litigation-decision.factory';

/**
 * The rules that refuse litigation commands with 422, with the article each rests on (codes
 * shared with reconsideration — date_in_future, dates_out_of_order, calendar_year_missing,
 * invalid_legal_date — are catalogued there).
 */
export const LITIGATION_RULES = {
  instance_mismatch:
    'Fuyi (DESIGN, "Numbers"): the type code of the court case number gives the instance',
  simplified_procedure_not_allowed: litigationArticle('第八十二条'),
  defendants_required: `${litigationArticle('第二十六条')}; ${interpretationArticle('第一百三十三条')}`,
  defendants_follow_reconsideration: litigationArticle('第二十六条第二款'),
  original_agency_unknown: litigationArticle('第二十六条第二款'),
  judgment_kind_invalid: litigationArticle('第八十五条'),
  disposition_invalid: litigationArticle('第六十九条至第七十八条'),
  disposition_kind_mismatch: DISPOSITION_INSTRUMENTS.dismissed_suit.basis,
  partial_not_applicable: litigationArticle('第七十条、第七十九条'),
  judgment_already_served: litigationArticle('第八十五条'),
  judgment_not_served: litigationArticle('第八十五条'),
  appeal_window_running: litigationArticle('第八十五条'),
  appellant_invalid: litigationArticle('第八十五条'),
  final_decision_not_appealable: litigationArticle('第八十五条'),
  mediation_not_appealable: litigationArticle('第六十条'),
  ruling_not_appealable: interpretationArticle('第一百零一条'),
  recommendation_summary_required: officialsArticle('第十二条'),
} as const;
