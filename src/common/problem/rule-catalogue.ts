import { HEARING_RULES } from '../../domain/hearings/hearing-rule-catalogue';
import { RECONSIDERATION_RULES } from '../../domain/reconsideration/rule-catalogue';
import { LITIGATION_RULES } from '../../domain/litigation/litigation-rule-catalogue';
import { STATISTICS_RULES } from '../../domain/statistics/statistics-rule-catalogue';

/**
 * Every rule code a `rule-refused` (422) or rule-based `forbidden` (403) problem can carry in
 * `rule`, with the article it rests on; the OpenAPI document lists them.
 */
export const RULE_CATALOGUE: Readonly<Record<string, string>> = {
  ...RECONSIDERATION_RULES,
  ...HEARING_RULES,
  ...LITIGATION_RULES,
  ...STATISTICS_RULES,
};
