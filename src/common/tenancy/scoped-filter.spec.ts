import { ScopedFilter } from './scoped-filter';
import { TenantScope } from './tenant-scope';

const AGENCY = '11111111-1111-4111-8111-111111111111';

describe('ScopedFilter', () => {
  it('starts with the tenant scope as $1', () => {
    const where = new ScopedFilter(TenantScope.of(AGENCY), 'c');
    expect(where.sql).toBe('($1::uuid IS NULL OR c.agency_id = $1)');
    expect(where.params).toEqual([AGENCY]);
  });

  it('numbers the parameters of the filters given, skips those left out, LIMIT last', () => {
    const where = new ScopedFilter(TenantScope.all(), 's');
    where.add((p) => `s.status = ${p}`, 'scheduled');
    where.add((p) => `s.case_id = ${p}::uuid`, undefined);
    where.addAll(['2024-10-10', 'id-1'], (on, id) => `(s.on, s.id) > (${on}::date, ${id}::uuid)`);
    const limit = where.param(20);
    expect(where.sql).toBe(
      '($1::uuid IS NULL OR s.agency_id = $1) AND s.status = $2 AND (s.on, s.id) > ($3::date, $4::uuid)',
    );
    expect(limit).toBe('$5');
    expect(where.params).toEqual([null, 'scheduled', '2024-10-10', 'id-1', 20]);
  });
});
