import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { ActorKind } from '../../../common/auth/actor';
import type { Role } from '../../../common/auth/role';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

@RequestExample({ username: 'zhang.san', password: 'correct-horse-battery-staple' })
export class LoginDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  /** The second factor: a 6-digit TOTP code, or a one-time recovery code `xxxxx-xxxxx`. */
  @IsOptionalString()
  @MaxLength(32)
  otp?: string;
}

export class TokenDto {
  /** A JWT (HS256) to send as `Authorization: Bearer …`. */
  accessToken!: string;
  /** Always `Bearer`. */
  tokenType!: 'Bearer';
  /** Seconds until the token expires (at most 3600). */
  expiresIn!: number;
  /** The password is temporary: the token is good only for `/auth/password` and `/auth/me`. */
  passwordChangeRequired?: boolean;
  /** The role needs a second factor: the token is good only for enrolling one (`/auth/mfa/*`). */
  mfaEnrollmentRequired?: boolean;
}

export class MeDto {
  kind!: ActorKind;
  id!: string | null;
  /** The username of a person, the name of an API client. */
  name!: string;
  displayName!: string | null;
  roles!: Role[];
  agencyId!: string | null;
  agencyName!: string | null;
  /** `password_change` or `mfa_enrollment` while the session is restricted. */
  restriction?: string | null;
  /** Whether the person has an active second factor. */
  mfaEnabled?: boolean;
}

@RequestExample({
  currentPassword: 'the-temporary-password-given',
  newPassword: 'violet-harbour-engine-42',
})
export class ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  /** At least 12 characters, not whitespace only, not containing the username, not common. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class MfaEnrollmentDto {
  /** The shared secret, base32 (shown once; enter it in an authenticator app). */
  secret!: string;
  /** `otpauth://totp/…` for a QR code. */
  otpauthUrl!: string;
}

@RequestExample({ code: '492039' })
export class MfaActivateDto {
  /** The current 6-digit code of the authenticator app. */
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}

export class MfaActivatedDto {
  /** One-time recovery codes, shown once; each stands in for a code once. */
  recoveryCodes!: string[];
}
