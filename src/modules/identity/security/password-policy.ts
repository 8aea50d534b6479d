import { dictionary } from '@zxcvbn-ts/language-common';

/** The rules a new password must pass (API.md "Accounts and sessions"), each a code. */
export type PasswordRule =
  'password_too_short' | 'password_blank' | 'password_contains_username' | 'password_common';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Common and breached passwords: the ~49,000 of zxcvbn-ts's `passwords-common` dictionary
 * (built from breach corpora), lower-cased. Loaded once.
 */
let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  const lower = password.toLowerCase();
  // A listed password with digits or punctuation appended ("password2024!") is as weak.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (stem.length >= 6 && commonPasswords.has(stem));
}

/**
 * The first rule `password` breaks, or null (ASVS 4.0 V2.1: at least 12 characters, any
 * characters allowed, checked against breached passwords; not containing the username).
 * Length counts Unicode code points.
 */
export function passwordRuleBroken(password: string, username: string): PasswordRule | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (password.trim() === '') return 'password_blank';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    return 'password_contains_username';
  }
  if (isCommon(password)) return 'password_common';
  return null;
}

export const PASSWORD_RULE_MESSAGES: Readonly<Record<PasswordRule, string>> = {
  password_too_short: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  password_blank: 'must not be whitespace only',
  password_contains_username: 'must not contain the username',
  password_common: 'is a common or breached password; choose another',
};
