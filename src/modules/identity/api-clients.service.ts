import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { CommandRunner } from '../commands/command-runner';
import { toApiClientDto } from './api-client.mapper';
import { ApiClientRepository } from './api-client.repository';
import { AgencyRepository } from './agency.repository';
import { apiKeyMatches, issueApiKey, parseApiKey } from './api-key';
import type {
  ApiClientDto,
  ApiClientQueryDto,
  CreateApiClientDto,
  CreatedApiClientDto,
} from './dto/api-client.dto';

/** Integration clients (admin): keys issued once, stored hashed, revocable. */
@Injectable()
export class ApiClientsService {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly agencies: AgencyRepository,
    private readonly commands: CommandRunner,
  ) {}

  async create(actor: Actor, input: CreateApiClientDto): Promise<CreatedApiClientDto> {
    return this.commands.run(actor, async (tx) => {
      const agency = await this.agencies.findInScope(
        TenantScope.forRecords(actor),
        input.agencyId,
        tx.manager,
      );
      if (!agency) throw notFoundProblem(`Agency ${input.agencyId}`);
      if (agency.kind !== 'reconsideration_body') {
        throw validationProblem([
          { field: 'agencyId', message: 'an API client acts for a reconsideration body' },
        ]);
      }
      const key = issueApiKey();
      const client = this.clients.create(tx.manager, {
        name: input.name,
        agencyId: input.agencyId,
        roles: input.roles,
        keyPrefix: key.prefix,
        keyHash: key.hash,
      });
      await this.clients.save(tx.manager, client);
      tx.audit({
        action: 'api_client.created',
        targetType: 'api_client',
        targetId: client.id,
        agencyId: client.agencyId,
        summary: { name: client.name, roles: client.roles, keyPrefix: client.keyPrefix },
      });
      return { ...toApiClientDto(client), apiKey: key.apiKey };
    });
  }

  async list(query: ApiClientQueryDto): Promise<Page<ApiClientDto>> {
    const after = decodeCursor(query.cursor, ['instant', 'uuid']);
    const rows = await this.clients.list(after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => [row.createdAtKey, row.client.id],
      (row) => toApiClientDto(row.client),
    );
  }

  async get(id: string): Promise<ApiClientDto> {
    const client = await this.clients.findById(id);
    if (!client) throw notFoundProblem(`API client ${id}`);
    return toApiClientDto(client);
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.commands.run(actor, async (tx) => {
      const client = await this.clients.findById(id, tx.manager, true);
      if (!client) throw notFoundProblem(`API client ${id}`);
      if (client.revokedAt) return;
      await this.clients.markRevoked(tx.manager, id);
      tx.audit({
        action: 'api_client.revoked',
        targetType: 'api_client',
        targetId: id,
        agencyId: client.agencyId,
        summary: {
          name: client.name,
          keyPrefix: client.keyPrefix,
          revokedAt: { from: null, to: tx.now.toISOString() },
        },
      });
    });
  }

  /** The actor an `X-API-Key` stands for, or null for an unknown, malformed or revoked key. */
  async authenticate(apiKey: string): Promise<Actor | null> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) return null;
    const client = await this.clients.findActiveByPrefix(parsed.prefix);
    if (!client || !apiKeyMatches(apiKey, client.key_hash)) return null;
    await this.clients.touchLastUsed(client.id).catch(() => undefined);
    return {
      kind: 'api_client',
      id: client.id,
      name: client.name,
      agencyId: client.agency_id,
      roles: client.roles,
    };
  }
}
