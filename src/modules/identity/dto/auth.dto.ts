import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ActorKind } from '../../../common/auth/actor';
import type { Role } from '../../../common/auth/role';
import { RequestExample } from '../../../common/openapi/request-example.decorator';

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
}

export class TokenDto {
  /** A JWT (HS256) to send as `Authorization: Bearer …`. */
  accessToken!: string;
  /** Always `Bearer`. */
  tokenType!: 'Bearer';
  /** Seconds until the token expires (at most 3600). */
  expiresIn!: number;
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
}
