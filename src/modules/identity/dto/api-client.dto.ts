import { ArrayMinSize, ArrayUnique, IsIn, IsUUID, MaxLength } from 'class-validator';
import { API_CLIENT_ROLES, type ApiClientRole } from '../../../common/auth/role';
import { IsNonEmptyString } from '../../../common/validation/is-non-empty-string.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { RequestExample } from '../../../common/openapi/request-example.decorator';

@RequestExample({
  name: '法院联络系统',
  agencyId: '3f2b8c1d-6a4e-4f7b-9c2d-1e5a7b9c3d4f',
  roles: ['court_liaison'],
})
export class CreateApiClientDto {
  /** e.g. 法院联络系统 */
  @IsNonEmptyString()
  @MaxLength(100)
  name!: string;

  /** The reconsideration body the client acts for. */
  @IsUUID()
  agencyId!: string;

  /** court_liaison 法院联络 */
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_CLIENT_ROLES, { each: true })
  roles!: ApiClientRole[];
}

export class ApiClientQueryDto extends PageQueryDto {}

export class ApiClientDto {
  id!: string;
  name!: string;
  agencyId!: string;
  roles!: ApiClientRole[];
  /** Public part of the key, to recognise it. */
  keyPrefix!: string;
  createdAt!: string;
  revokedAt!: string | null;
  lastUsedAt!: string | null;
}

export class CreatedApiClientDto extends ApiClientDto {
  /** Shown once: only its digest is stored. Send it as `X-API-Key`. */
  apiKey!: string;
}

export class ApiClientPageDto {
  items!: ApiClientDto[];
  nextCursor!: string | null;
}
