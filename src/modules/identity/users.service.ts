import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, type Actor } from '../../common/auth/actor';
import type { UserRole } from '../../common/auth/role';
import { checkIfMatch } from '../../common/http/etag';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor';
import {
  conflictProblem,
  notFoundProblem,
  ProblemException,
  validationProblem,
} from '../../common/problem/problem';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import { AuthService } from './auth.service';
import { AgencyEntity } from './agency.entity';
import type { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';

/** What a head may grant and manage: the clerks and viewers of their own agency. */
const HEAD_MANAGEABLE_ROLES: readonly UserRole[] = ['clerk', 'viewer'];

function forbidden(detail: string) {
  return new ProblemException({ status: 403, slug: 'forbidden', title: 'Forbidden', detail });
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  private async findVisible(actor: Actor, id: string, manager: EntityManager, lock = false) {
    const builder = manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id = :id', { id });
    if (!isAdmin(actor))
      builder.andWhere('user.agencyId = :agencyId', { agencyId: actor.agencyId });
    if (lock) builder.setLock('pessimistic_write');
    const user = await builder.getOne();
    if (!user) throw notFoundProblem(`User ${id}`);
    return user;
  }

  async get(actor: Actor, id: string): Promise<UserDto> {
    return toUserDto(await this.findVisible(actor, id, this.dataSource.manager));
  }

  async list(actor: Actor, query: UserQueryDto): Promise<Page<UserDto>> {
    const after = decodeCursor(query.cursor, ['text']);
    const builder = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('user.username', 'ASC')
      .limit(query.limit + 1);
    const agencyId = isAdmin(actor) ? query.agencyId : actor.agencyId;
    if (agencyId) builder.andWhere('user.agencyId = :agencyId', { agencyId });
    if (query.role) builder.andWhere(':role = ANY(user.roles)', { role: query.role });
    if (query.active)
      builder.andWhere('user.active = :active', { active: query.active === 'true' });
    if (after) builder.andWhere('user.username > :after', { after: after[0] });
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.username], toUserDto);
  }

  async create(actor: Actor, input: CreateUserDto): Promise<UserDto> {
    const agencyId = isAdmin(actor) ? (input.agencyId ?? null) : actor.agencyId;
    if (!isAdmin(actor)) {
      if (input.agencyId && input.agencyId !== actor.agencyId) {
        throw notFoundProblem(`Agency ${input.agencyId}`);
      }
      this.assertHeadMayGrant(input.roles);
    }
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertAgencyForRoles(manager, agencyId, input.roles);
      const user = manager.create(UserEntity, {
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        agencyId,
        active: input.active ?? true,
      });
      try {
        await manager.save(user);
      } catch (error) {
        if (isUniqueViolation(error, 'app_user_username_key')) {
          throw conflictProblem('username-taken', `The username ${user.username} is taken`);
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        agencyId,
        summary: { username: user.username, roles: user.roles, active: user.active },
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
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.findVisible(actor, id, manager, true);
      checkIfMatch(ifMatch, user.version);
      if (!isAdmin(actor)) {
        if (!user.roles.every((role) => HEAD_MANAGEABLE_ROLES.includes(role))) {
          throw forbidden('A head manages only the clerks and viewers of their agency');
        }
        if (input.roles) this.assertHeadMayGrant(input.roles);
        if (input.agencyId !== undefined && input.agencyId !== user.agencyId) {
          throw forbidden('Only an admin moves a user to another agency');
        }
      }
      const agencyId = input.agencyId ?? user.agencyId;
      const roles = input.roles ?? user.roles;
      if (input.roles || input.agencyId) await this.assertAgencyForRoles(manager, agencyId, roles);
      const deactivated = input.active === false && user.active;
      const summary: Record<string, unknown> = {};
      if (input.displayName !== undefined) summary.displayName = input.displayName;
      if (input.roles) summary.roles = { from: user.roles, to: input.roles };
      if (input.agencyId) summary.agencyId = { from: user.agencyId, to: input.agencyId };
      if (input.active !== undefined) summary.active = { from: user.active, to: input.active };
      if (passwordHash) summary.passwordChanged = true;

      user.displayName = input.displayName ?? user.displayName;
      user.roles = roles;
      user.agencyId = agencyId;
      user.active = input.active ?? user.active;
      if (passwordHash) user.passwordHash = passwordHash;
      // Existing tokens stop working when the password changes or the user is deactivated.
      if (passwordHash || deactivated) user.tokenVersion += 1;
      await manager.save(user);
      await this.audit.record(manager, actor, {
        action: 'user.updated',
        targetType: 'user',
        targetId: user.id,
        agencyId: user.agencyId,
        summary,
      });
      return toUserDto(user);
    });
    this.auth.forgetUser(id);
    return updated;
  }

  private assertHeadMayGrant(roles: readonly UserRole[]): void {
    const refused = roles.filter((role) => !HEAD_MANAGEABLE_ROLES.includes(role));
    if (refused.length > 0) throw forbidden(`A head may not grant ${refused.join(', ')}`);
  }

  /** People belong to a reconsideration body; only an admin may stand outside any agency. */
  private async assertAgencyForRoles(
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
    const agency = await manager.findOne(AgencyEntity, { where: { id: agencyId } });
    if (!agency) throw notFoundProblem(`Agency ${agencyId}`);
    if (agency.kind !== 'reconsideration_body') {
      throw validationProblem([
        { field: 'agencyId', message: 'users belong to a reconsideration body' },
      ]);
    }
  }
}
