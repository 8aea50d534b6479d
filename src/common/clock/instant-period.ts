import { lowerInstantBound, upperInstantBound } from './legal-day-bounds';

/** A `from`/`to` filter of a list, each a legal date or an instant, as the query gives it. */
export interface PeriodFilter {
  from?: string;
  to?: string;
}

/**
 * The instants a `from`/`to` filter covers: a date whole, in China Standard Time; `to` exclusive
 * (legal-day-bounds.ts). For the lists and calendar feeds of hearings and court sessions.
 */
export function instantPeriodOf(filter: PeriodFilter): { from?: string; to?: string } {
  return { from: lowerInstantBound(filter.from), to: upperInstantBound(filter.to) };
}
