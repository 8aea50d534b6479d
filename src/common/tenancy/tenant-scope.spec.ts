import type { Actor } from '../auth/actor';
import { ProblemException } from '../problem/problem';
import { TenantScope } from './tenant-scope';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const actor = (
  roles: Actor['roles'],
  agencyId: string | null,
  kind: Actor['kind'] = 'user',
): Actor => ({
  kind,
  id: '33333333-3333-4333-8333-333333333333',
  name: 'someone',
  agencyId,
  roles,
});

const ACTORS: Array<[string, Actor]> = [
  ['admin of body A', actor(['admin'], A)],
  ['admin of no body', actor(['admin'], null)],
  ['head of A', actor(['head'], A)],
  ['clerk of A', actor(['clerk'], A)],
  ['viewer of A', actor(['viewer'], A)],
  ['API client of A', actor(['court_liaison'], A, 'api_client')],
  ['the system', { kind: 'system', id: null, name: 'system', agencyId: null, roles: [] }],
];

describe('TenantScope', () => {
  it.each<[string, Actor, boolean, boolean]>([
    // who, the actor, reaches a record of A, reaches a record of B
    ['admin of body A', ACTORS[0][1], true, true],
    ['admin of no body', ACTORS[1][1], true, true],
    ['head of A', ACTORS[2][1], true, false],
    ['clerk of A', ACTORS[3][1], true, false],
    ['viewer of A', ACTORS[4][1], true, false],
    ['API client of A', ACTORS[5][1], true, false],
    ['the system', ACTORS[6][1], true, true],
  ])(
    'records by id: %s reaches A %s, B %s — the same for reads and commands',
    (_who, who, a, b) => {
      const scope = TenantScope.forRecords(who);
      expect([scope.includes(A), scope.includes(B)]).toEqual([a, b]);
    },
  );

  it.each<[string, Actor, string | undefined, string | null]>([
    ['admin of body A', ACTORS[0][1], undefined, A],
    ['admin of body A', ACTORS[0][1], B, B],
    ['admin of no body', ACTORS[1][1], undefined, null],
    ['admin of no body', ACTORS[1][1], B, B],
    ['head of A', ACTORS[2][1], B, A],
    ['clerk of A', ACTORS[3][1], undefined, A],
    ['viewer of A', ACTORS[4][1], B, A],
    ['API client of A', ACTORS[5][1], B, A],
  ])('lists: %s naming %s sees %s (null: every body)', (_who, who, named, expected) => {
    expect(TenantScope.forList(who, named).agencyId).toBe(expected);
  });

  it('gives a person of no body nothing', () => {
    const scope = TenantScope.forRecords(actor(['clerk'], null));
    expect(scope.includes(A)).toBe(false);
    expect(scope.isAll).toBe(false);
  });

  describe('the body of a new record', () => {
    it('is the caller’s own body for a clerk or head', () => {
      expect(TenantScope.agencyForNew(actor(['clerk'], A))).toBe(A);
      expect(TenantScope.agencyForNew(actor(['head'], A), A)).toBe(A);
    });

    it('is not another body for a clerk (404: it does not exist for them)', () => {
      expect(() => TenantScope.agencyForNew(actor(['clerk'], A), B)).toThrow(ProblemException);
    });

    it('is the body an admin names, else their own; an admin of no body must name one', () => {
      expect(TenantScope.agencyForNew(actor(['admin'], A), B)).toBe(B);
      expect(TenantScope.agencyForNew(actor(['admin'], A))).toBe(A);
      expect(() => TenantScope.agencyForNew(actor(['admin'], null))).toThrow(ProblemException);
    });
  });
});
