import type { ApiClientEntity } from './api-client.entity';
import type { ApiClientDto } from './dto/api-client.dto';

export function toApiClientDto(client: ApiClientEntity): ApiClientDto {
  return {
    id: client.id,
    name: client.name,
    agencyId: client.agencyId,
    roles: client.roles,
    keyPrefix: client.keyPrefix,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
  };
}
