import { MAX_PERIOD_LENGTH } from '../calendar/period-length.guard';
import { APPLICATION_OUTER_LIMITS, DEADLINE_CATALOGUE } from './deadline-catalogue';
import { DEADLINE_KINDS } from './deadline-definition.type';
import type { DeadlineDefinition, PeriodRule } from './deadline-definition.type';

const definitions: DeadlineDefinition[] = Object.values(DEADLINE_CATALOGUE);

function periodRules(definition: DeadlineDefinition): PeriodRule[] {
  const { periods } = definition;
  switch (periods.variesBy) {
    case 'none':
      return [periods.single];
    case 'procedure':
      return [periods.ordinary, periods.simplified];
    case 'instrument':
      return [periods.judgment, periods.ruling];
  }
}

const CITATION =
  /^(行政复议法|行政诉讼法|行诉解释|负责人出庭应诉规定) 第[一二三四五六七八九十百零]+条/;

describe('deadline catalogue', () => {
  it('has exactly one entry per kind, keyed by its kind', () => {
    expect(Object.keys(DEADLINE_CATALOGUE).sort()).toEqual([...DEADLINE_KINDS].sort());
    for (const [key, definition] of Object.entries(DEADLINE_CATALOGUE)) {
      expect(definition.kind).toBe(key);
    }
  });

  it.each(definitions.map((definition) => [definition.kind, definition] as const))(
    '%s cites a statute and article for its periods, triggers and adjustments',
    (_kind, definition) => {
      for (const rule of periodRules(definition)) {
        expect(rule.basis).toMatch(CITATION);
        if (rule.extension) expect(rule.extension.basis).toMatch(CITATION);
        // A lead time before an event may be 0 (on the event's day); a period is at least 1.
        expect(rule.length).toBeGreaterThanOrEqual(definition.meaning === 'act_before' ? 0 : 1);
        expect(rule.length).toBeLessThanOrEqual(MAX_PERIOD_LENGTH[rule.unit]);
      }
      for (const trigger of definition.triggers) expect(trigger.basis).toMatch(CITATION);
      if (definition.suspension) expect(definition.suspension.basis).toMatch(CITATION);
      expect(definition.enforcement.description.length).toBeGreaterThan(10);
    },
  );

  it('counts the reconsideration law’s 3/5/7/10-day periods in working days (第八十八条第二款)', () => {
    for (const definition of definitions) {
      for (const rule of periodRules(definition)) {
        const shortReconsiderationPeriod =
          rule.basis.startsWith('行政复议法') && [3, 5, 7, 10].includes(rule.length);
        expect(rule.unit === 'working_days').toBe(shortReconsiderationPeriod);
      }
    }
  });

  it.each([
    ['application_limitation', 'single', 60, 'days'],
    ['acceptance_review', 'single', 5, 'working_days'],
    ['correction_notice', 'single', 5, 'working_days'],
    ['correction_reply', 'single', 10, 'working_days'],
    ['copy_to_respondent', 'ordinary', 7, 'working_days'],
    ['copy_to_respondent', 'simplified', 3, 'working_days'],
    ['respondent_reply', 'ordinary', 10, 'working_days'],
    ['respondent_reply', 'simplified', 5, 'working_days'],
    ['hearing_notice', 'single', 5, 'working_days'],
    ['decision', 'ordinary', 60, 'days'],
    ['decision', 'simplified', 30, 'days'],
    ['suspension_termination', 'single', 60, 'days'],
    ['litigation_window', 'single', 15, 'days'],
    ['defense_submission', 'single', 15, 'days'],
    ['appearance_notice', 'single', 3, 'days'],
    ['identity_proof', 'single', 0, 'days'],
    ['first_instance_term', 'ordinary', 6, 'months'],
    ['first_instance_term', 'simplified', 45, 'days'],
    ['appeal_window', 'judgment', 15, 'days'],
    ['appeal_window', 'ruling', 10, 'days'],
    ['second_instance_term', 'single', 3, 'months'],
  ] as const)('%s (%s) is %i %s', (kind, variant, length, unit) => {
    const periods = DEADLINE_CATALOGUE[kind].periods as unknown as Record<string, PeriodRule>;
    expect(periods[variant]).toMatchObject({ length, unit });
  });

  it('allows one extension of at most 30 days for the ordinary decision only (第六十二条)', () => {
    const { periods } = DEADLINE_CATALOGUE.decision;
    expect(periods.ordinary.extension).toMatchObject({ maxCount: 1, maxDays: 30 });
    expect(periods.simplified.extension).toBeNull();
  });

  it('extends the correction period repeatedly, in working days, at most 30 at a time (第三十一条第二款)', () => {
    expect(DEADLINE_CATALOGUE.correction_reply.periods.single.extension).toMatchObject({
      maxCount: null,
      unit: 'working_days',
      maxDays: 30,
    });
    for (const definition of definitions) {
      for (const rule of periodRules(definition)) {
        if (rule.extension) {
          expect(rule.extension.unit).toBe(rule.unit === 'working_days' ? 'working_days' : 'days');
        }
      }
    }
  });

  it('never rolls minimum-notice or lead-time dates forward', () => {
    for (const definition of definitions) {
      if (definition.meaning !== 'act_by') expect(definition.rollForward).toBe(false);
    }
  });

  it('counts lead times before an event in calendar days, with no suspension or extension', () => {
    for (const definition of definitions.filter((entry) => entry.meaning === 'act_before')) {
      for (const rule of periodRules(definition)) {
        expect(rule).toMatchObject({ unit: 'days', extension: null });
      }
      expect(definition.suspension).toBeNull();
    }
  });

  it('counts litigation periods in calendar time, never working days (行政诉讼法 第一百零一条)', () => {
    const litigation = definitions.filter((definition) => definition.family === 'litigation');
    expect(litigation.map((definition) => definition.kind)).toContain('identity_proof');
    for (const definition of litigation) {
      for (const rule of periodRules(definition)) expect(rule.unit).not.toBe('working_days');
    }
  });

  it.each([
    ['remedy_rights_not_told', 12, 'act_content_known', '行政复议法 第二十条第三款'],
    ['act_made_general', 60, 'act_made', '行政复议法 第二十一条'],
    ['act_made_real_estate', 240, 'act_made', '行政复议法 第二十一条'],
  ] as const)('outer limit %s is %i months from %s (%s)', (kind, months, event, basis) => {
    expect(APPLICATION_OUTER_LIMITS[kind]).toMatchObject({
      length: months,
      unit: 'months',
      trigger: { event },
      basis,
    });
  });
});
