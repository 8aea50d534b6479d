import { types } from 'pg';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

// Legal dates stay the strings PostgreSQL sends (YYYY-MM-DD): never a Date shifted by a zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
const parseTextArray = types.getTypeParser(1009 as never) as (value: string) => string[];
types.setTypeParser(1182 as never, (value: string) => parseTextArray(value));

/**
 * Maps a raw `SELECT *` row to an entity without TypeORM's query builder, for hot reads: the
 * columns' database names become property names.
 */
export function rowToEntity<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = row[column.databaseName];
    (entity as Record<string, unknown>)[column.propertyName] = column.transformer
      ? ApplyValueTransformers.transformFrom(column.transformer, value)
      : value;
  }
  return entity;
}

/**
 * The row of `target`'s table with this id, within the tenant scope (`agencyId` null: any
 * tenant), as an entity; null when there is none. A raw read: the hot path of GET.
 */
export async function findByIdInScope<T extends ObjectLiteral>(
  dataSource: DataSource,
  manager: EntityManager,
  target: EntityTarget<T>,
  scope: { readonly agencyId: string | null },
  id: string,
): Promise<T | null> {
  const table = dataSource.getMetadata(target).tableName;
  const [row] = await manager.query<Record<string, unknown>[]>(
    `SELECT * FROM ${table} WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2)`,
    [id, scope.agencyId],
  );
  return row ? rowToEntity(dataSource, target, row) : null;
}
