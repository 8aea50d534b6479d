import type { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { findByIdInScope, rowToEntity } from '../../database/raw-rows';
import type { TenantScope } from './tenant-scope';

/**
 * What every repository of a tenant-scoped record (a case, a court session) starts with: the
 * row with this id within the caller's scope (`agencyId` null: any tenant), plain for a query or
 * locked for a command (raw reads mapped to the entity, `rowToEntity`); a new entity; a save.
 */
export abstract class TenantScopedRepository<T extends ObjectLiteral> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  create(manager: EntityManager, fields: DeepPartial<T>): T {
    return manager.create(this.target, fields);
  }

  /** Inserts or updates the record (its version bumps: the ETag). */
  async save(manager: EntityManager, entity: T): Promise<void> {
    await manager.save(entity);
  }

  /** The record in scope, or null (raw read: the hot path of GET). */
  async findInScope(
    scope: TenantScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T | null> {
    return findByIdInScope(this.dataSource, manager, this.target, scope, id);
  }

  /** The record in scope, locked (FOR UPDATE) for the command's transaction; null when not found. */
  async lockForCommand(manager: EntityManager, scope: TenantScope, id: string): Promise<T | null> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      `SELECT * FROM ${this.table} WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) FOR UPDATE`,
      [id, scope.agencyId],
    );
    return row ? rowToEntity(this.dataSource, this.target, row) : null;
  }

  /**
   * True when a record of the body (agency) already carries `value` in `column`: a number unique
   * within the body (a reconsideration case number, a court's 案号).
   */
  protected async takenInBody(
    manager: EntityManager,
    agencyId: string,
    column: string,
    value: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM ${this.table} WHERE agency_id = $1 AND ${column} = $2`,
      [agencyId, value],
    );
    return rows.length > 0;
  }

  private get table(): string {
    return this.dataSource.getMetadata(this.target).tableName;
  }
}
