/** Roles of people (`admin`, `head`, `clerk`, `viewer`) and of integrations (`court_liaison`). */
export const USER_ROLES = ['admin', 'head', 'clerk', 'viewer'] as const;
export const API_CLIENT_ROLES = ['court_liaison'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type ApiClientRole = (typeof API_CLIENT_ROLES)[number];
export type Role = UserRole | ApiClientRole;

/** Every role of people: for routes that any signed-in person of the office may use. */
export const ANY_USER_ROLE: readonly UserRole[] = USER_ROLES;

/** Who works on cases: reads with full ID numbers, commands, hearings. */
export const CASE_HANDLER_ROLES: readonly UserRole[] = ['admin', 'head', 'clerk'];

/** Who may be assigned a case as its handler (行政复议人员, 第三十六条). */
export const ASSIGNABLE_ROLES: readonly UserRole[] = ['head', 'clerk'];
