import { allowedCommands, isCommandAllowed, userCommandsAllowed } from './allowed-commands.rule';
import { EXPECTED_TABLE } from './case-facts.fixture';
import { CASE_STATUSES } from './reconsideration-case.types';

describe('allowedCommands', () => {
  it.each(CASE_STATUSES)('lists the transition table for %s', (status) => {
    expect(allowedCommands(status).sort()).toEqual([...EXPECTED_TABLE[status]].sort());
  });

  it.each(CASE_STATUSES)('allows assign in %s exactly when it is not terminal', (status) => {
    const terminal = ['archived', 'rejected', 'abandoned'].includes(status);
    expect(isCommandAllowed(status, 'assign')).toBe(!terminal);
  });

  it.each(CASE_STATUSES)('leaves the sweep commands out of what users may do in %s', (status) => {
    const users = userCommandsAllowed(status);
    expect(users).not.toContain('deem_accept');
    expect(users).not.toContain('deem_abandon');
    expect(users).toEqual(
      allowedCommands(status).filter((type) => type !== 'deem_accept' && type !== 'deem_abandon'),
    );
  });

  it('returns a fresh array each time', () => {
    allowedCommands('received').pop();
    expect(allowedCommands('received')).toHaveLength(5);
  });
});
