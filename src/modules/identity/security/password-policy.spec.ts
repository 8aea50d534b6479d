import { passwordRuleBroken } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short-pass', 'password_too_short'],
    ['             ', 'password_blank'],
    ['zhang.san-is-my-name', 'password_contains_username'],
    ['ZHANG.SAN-is-my-name', 'password_contains_username'],
    ['password1234', 'password_common'],
    ['1qaz2wsx3edc', 'password_common'],
    ['iloveyou2024!!', 'password_common'],
  ])('refuses %j with %s', (password, rule) => {
    expect(passwordRuleBroken(password, 'zhang.san')).toBe(rule);
  });

  it('accepts a long uncommon password, in any script', () => {
    expect(passwordRuleBroken('violet-harbour-engine-42', 'zhang.san')).toBeNull();
    expect(passwordRuleBroken('复议机构的长密码不在常见列表里', 'zhang.san')).toBeNull();
  });
});
