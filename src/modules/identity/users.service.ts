import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import { fieldChanges } from '../../common/audit/field-changes';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import { forbiddenProblem, notFoundProblem, validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { CommandRunner } from '../commands/command-runner';
import { AgencyRepository } from './agency.repository';
import { AuthTokenService } from './auth-token.service';
import { assertPasswordRules } from './auth.service';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { hashPassword } from './password-hasher';
import type { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';
import { UserRepository } from './user.repository';

/** What a head may grant and manage: the clerks and viewers of their own agency. */
const HEAD_MANAGEABLE_ROLES: readonly UserRole[] = ['clerk', 'viewer'];

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly commands: CommandRunner,
    private readonly tokens: AuthTokenService,
  ) {}

  async get(actor: Actor, id: string): Promise<UserDto> {
    return toUserDto(await this.findInScope(actor, id));
  }

  async list(actor: Actor, query: UserQueryDto): Promise<Page<UserDto>> {
    const after = decodeCursor(query.cursor, ['text']);
    const rows = await this.users.list(TenantScope.forList(actor, query.agencyId), {
      role: query.role,
      active: query.active === undefined ? undefined : query.active === 'true',
      after: after?.[0] ?? null,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => [row.username], toUserDto);
  }

  async create(actor: Actor, input: CreateUserDto): Promise<UserDto> {
    const agencyId = isAdmin(actor)
      ? (input.agencyId ?? null)
      : TenantScope.agencyForNew(actor, input.agencyId);
    if (!isAdmin(actor)) assertHeadMayGrant(input.roles);
    assertPasswordRules('password', input.password, input.username);
    const passwordHash = await hashPassword(input.password);
    return this.commands.run(actor, async (tx) => {
      await this.assertAgencyForRoles(actor, tx.manager, agencyId, input.roles);
      const user = this.users.create(tx.manager, {
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        agencyId,
        active: input.active ?? true,
        // Set by an admin or head: temporary, changed at the next login.
        passwordChangeRequired: true,
      });
      await this.users.save(tx.manager, user);
      tx.audit({
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        agencyId,
        summary: {
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          agencyId: user.agencyId,
          active: user.active,
          temporaryCredential: true,
        },
      });
      return toUserDto(user);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: UpdateUserDto,
    ifMatch: string | undefined,
  ): Promise<UserDto> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const updated = await this.commands.run(actor, async (tx) => {
      const user = await this.findInScope(actor, id, tx.manager);
      checkIfMatch(ifMatch, user.version);
      if (input.password) assertPasswordRules('password', input.password, user.username);
      if (!isAdmin(actor)) {
        if (!user.roles.every((role) => HEAD_MANAGEABLE_ROLES.includes(role))) {
          throw forbiddenProblem('A head manages only the clerks and viewers of their agency');
        }
        if (input.roles) assertHeadMayGrant(input.roles);
        if (input.agencyId !== undefined && input.agencyId !== user.agencyId) {
          throw forbiddenProblem('Only an admin moves a user to another agency');
        }
      }
      const next = {
        displayName: input.displayName,
        roles: input.roles,
        agencyId: input.agencyId,
        active: input.active,
      };
      if (input.roles || input.agencyId) {
        await this.assertAgencyForRoles(
          actor,
          tx.manager,
          input.agencyId ?? user.agencyId,
          input.roles ?? user.roles,
        );
      }
      const changes = fieldChanges(user, next);
      const deactivated = input.active === false && user.active;
      Object.assign(
        user,
        Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)),
      );
      if (passwordHash) {
        user.passwordHash = passwordHash;
        // Set by an admin or head: temporary, changed at the next login.
        user.passwordChangeRequired = true;
      }
      // Existing tokens stop working when the password changes or the user is deactivated.
      if (passwordHash || deactivated) user.tokenVersion += 1;
      await this.users.save(tx.manager, user);
      tx.audit({
        action: 'user.updated',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        summary: passwordHash ? { ...changes, credentialReset: 'temporary' } : changes,
      });
      return toUserDto(user);
    });
    this.tokens.forgetUser(id);
    return updated;
  }

  /** The caller's user, or 404; `lockIn`: a command's transaction, the row locked in it. */
  private async findInScope(actor: Actor, id: string, lockIn?: EntityManager): Promise<UserEntity> {
    const user = await this.users.findInScope(TenantScope.forRecords(actor), id, lockIn);
    if (!user) throw notFoundProblem(`User ${id}`);
    return user;
  }

  /** People belong to a reconsideration body; only an admin may stand outside any agency. */
  private async assertAgencyForRoles(
    actor: Actor,
    manager: EntityManager,
    agencyId: string | null,
    roles: readonly UserRole[],
  ): Promise<void> {
    if (agencyId === null) {
      if (roles.every((role) => role === 'admin')) return;
      throw validationProblem([
        { field: 'agencyId', message: 'agencyId is required for roles other than admin' },
      ]);
    }
    const agency = await this.agencies.findInScope(
      TenantScope.forRecords(actor),
      agencyId,
      manager,
    );
    if (!agency) throw notFoundProblem(`Agency ${agencyId}`);
    if (agency.kind !== 'reconsideration_body') {
      throw validationProblem([
        { field: 'agencyId', message: 'users belong to a reconsideration body' },
      ]);
    }
  }
}

function assertHeadMayGrant(roles: readonly UserRole[]): void {
  const refused = roles.filter((role) => !HEAD_MANAGEABLE_ROLES.includes(role));
  if (refused.length > 0) throw forbiddenProblem(`A head may not grant ${refused.join(', ')}`);
}
