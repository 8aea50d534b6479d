import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { IsOptionalBoolean } from '../../../common/validation/is-optional-boolean.decorator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { USER_ROLES, type UserRole } from '../../../common/auth/role';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/;
const USERNAME_MESSAGE = '$property must be 3–64 letters, digits, _ . @ -';

@RequestExample({
  username: 'zhang.san',
  displayName: '张三',
  password: 'a-temporary-passphrase',
  roles: ['clerk'],
  agencyId: '3f2b8c1d-6a4e-4f7b-9c2d-1e5a7b9c3d4f',
})
export class CreateUserDto {
  /** Unique, case-insensitive. */
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username!: string;

  @IsNonEmptyString()
  @MaxLength(100)
  displayName!: string;

  /**
   * Temporary (changed at the first login): at least 12 characters, not whitespace only, not
   * containing the username, not a common or breached password. Stored as an argon2id hash.
   */
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  /** admin 系统管理员 | head 机构负责人 | clerk 承办人 | viewer 查阅 */
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(USER_ROLES, { each: true })
  roles!: UserRole[];

  /** The reconsideration body; a head's own by default. Only admins may have none. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @IsOptionalBoolean()
  active?: boolean;
}

@RequestExample({ displayName: '张三', roles: ['clerk', 'head'], active: true })
export class UpdateUserDto {
  @IsOptionalNotNull()
  @IsNonEmptyString()
  @MaxLength(100)
  displayName?: string;

  /** Changing it revokes the user's existing tokens. */
  /** A new temporary password (same rules); the user changes it at the next login. */
  @IsOptionalString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;

  @IsOptionalNotNull()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsIn(USER_ROLES, { each: true })
  roles?: UserRole[];

  /** Admins only. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  /** false deactivates the user and revokes their tokens. */
  @IsOptionalBoolean()
  active?: boolean;
}

export class UserQueryDto extends PageQueryDto {
  /** Admins only: the users of this agency. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;

  @IsOptionalNotNull()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @IsOptionalNotNull()
  @Type(() => String)
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class UserDto {
  id!: string;
  username!: string;
  displayName!: string;
  roles!: UserRole[];
  agencyId!: string | null;
  active!: boolean;
  version!: number;
  createdAt!: string;
  updatedAt!: string;
}

export class UserPageDto {
  items!: UserDto[];
  nextCursor!: string | null;
}
