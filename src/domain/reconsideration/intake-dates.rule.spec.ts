import type { LegalDate } from '../calendar/legal-date.value';
import { checkIntakeDates, type IntakeDates } from './intake-dates.rule';

const d = (date: string) => date as LegalDate;
const TODAY = d('2024-06-03');
const valid: IntakeDates = { knownOn: d('2024-05-06'), receivedOn: d('2024-05-20'), mailed: false };

const fields = (dates: Partial<IntakeDates>) =>
  checkIntakeDates({ ...valid, ...dates }, TODAY).map((problem) => problem.field);

describe('checkIntakeDates', () => {
  it('accepts ordered dates up to today', () => {
    expect(checkIntakeDates(valid, TODAY)).toEqual([]);
    expect(fields({ receivedOn: TODAY, mailed: true, postmarkedOn: d('2024-06-01') })).toEqual([]);
  });

  it.each<[Partial<IntakeDates>, string[]]>([
    [{ receivedOn: d('2024-06-04') }, ['receivedOn']],
    [{ knownOn: d('2024-05-21') }, ['knownOn']],
    [{ postmarkedOn: d('2024-05-19') }, ['postmarkedOn']],
    [{ mailed: true, postmarkedOn: d('2024-05-21') }, ['postmarkedOn']],
    [{ actOn: d('2024-05-21') }, ['contestedAct.actOn']],
    [{ obstacle: { endedOn: d('2024-05-01') } }, ['limitationObstacle.endedOn']],
    [{ obstacle: { endedOn: d('2024-05-21') } }, ['limitationObstacle.endedOn']],
    [
      { obstacle: { startedOn: d('2024-05-01'), endedOn: d('2024-05-10') } },
      ['limitationObstacle.startedOn'],
    ],
    [
      { obstacle: { startedOn: d('2024-05-12'), endedOn: d('2024-05-10') } },
      ['limitationObstacle.startedOn'],
    ],
    [{ remedyRightsLearnedOn: d('2024-05-21') }, ['remedyRightsLearnedOn']],
    [
      { remedyRightsLearnedOn: d('2024-06-05') },
      ['remedyRightsLearnedOn', 'remedyRightsLearnedOn'],
    ],
  ])('refuses %j naming %j', (dates, expected) => {
    expect(fields(dates)).toEqual(expected);
  });

  it('names every problem at once', () => {
    expect(
      fields({
        knownOn: d('2024-07-01'),
        receivedOn: d('2024-06-30'),
        postmarkedOn: d('2024-06-01'),
      }),
    ).toEqual(['knownOn', 'receivedOn', 'knownOn', 'postmarkedOn']);
  });
});
