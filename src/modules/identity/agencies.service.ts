import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import { fieldChanges } from '../../common/audit/field-changes';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { forbiddenProblem, notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { CommandRunner } from '../commands/command-runner';
import type { AgencyEntity } from './agency.entity';
import { toAgencyDto } from './agency.mapper';
import { AgencyRepository } from './agency.repository';
import type { AgencyDto, AgencyQueryDto, CreateAgencyDto, UpdateAgencyDto } from './dto/agency.dto';

@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly commands: CommandRunner,
  ) {}

  async get(actor: Actor, id: string): Promise<AgencyDto> {
    return toAgencyDto(await this.findInScope(actor, id));
  }

  async list(actor: Actor, query: AgencyQueryDto): Promise<Page<AgencyDto>> {
    const rows = await this.agencies.list(TenantScope.forList(actor, query.agencyId), {
      kind: query.kind,
      after: decodeCursor(query.cursor, ['text', 'uuid']),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.code, row.id], toAgencyDto);
  }

  async create(actor: Actor, input: CreateAgencyDto): Promise<AgencyDto> {
    return this.commands.run(actor, async (tx) => {
      const id = randomUUID();
      let tenantId: string;
      let parentId = input.parentId ?? null;
      if (input.kind === 'reconsideration_body') {
        if (!isAdmin(actor)) throw forbiddenProblem('Only an admin creates reconsideration bodies');
        if (parentId) await this.findInScope(actor, parentId, tx.manager);
        tenantId = id;
      } else {
        parentId ??= isAdmin(actor) ? null : actor.agencyId;
        if (!parentId) {
          throw validationProblem([
            {
              field: 'parentId',
              message: 'an administrative agency needs the agency it stands under',
            },
          ]);
        }
        tenantId = (await this.findInScope(actor, parentId, tx.manager)).tenantId;
      }
      const agency = this.agencies.create(tx.manager, {
        id,
        name: input.name,
        code: input.code,
        kind: input.kind,
        parentId,
        tenantId,
        receiptNumberTemplate: input.receiptNumberTemplate ?? null,
        caseNumberTemplate: input.caseNumberTemplate ?? null,
      });
      await this.agencies.save(tx.manager, agency);
      tx.audit({
        action: 'agency.created',
        targetType: 'agency',
        targetId: id,
        agencyId: tenantId,
        summary: { name: input.name, code: input.code, kind: input.kind, parentId },
      });
      return toAgencyDto(agency);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateAgencyDto,
    ifMatch: string | undefined,
  ): Promise<AgencyDto> {
    return this.commands.run(actor, async (tx) => {
      const agency = await this.findInScope(actor, id, tx.manager, true);
      checkIfMatch(ifMatch, agency.version);
      const changes = fieldChanges(agency, input);
      Object.assign(agency, input);
      await this.agencies.save(tx.manager, agency);
      tx.audit({
        action: 'agency.updated',
        targetType: 'agency',
        targetId: id,
        agencyId: agency.tenantId,
        summary: changes,
      });
      return toAgencyDto(agency);
    });
  }

  private async findInScope(
    actor: Actor,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<AgencyEntity> {
    const agency = await this.agencies.findInScope(
      TenantScope.forRecords(actor),
      id,
      manager,
      lock,
    );
    if (!agency) throw notFoundProblem(`Agency ${id}`);
    return agency;
  }
}
