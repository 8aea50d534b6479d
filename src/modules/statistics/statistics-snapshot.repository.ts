import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StatisticsSnapshotEntity } from './statistics-snapshot.entity';

export type NewSnapshot = Omit<StatisticsSnapshotEntity, 'id' | 'supersededAt' | 'supersededById'>;

/** Frozen months (table statistics_snapshot). */
@Injectable()
export class StatisticsSnapshotRepository {
  /** Serialises freezes of one body's month for the transaction (advisory lock). */
  async lockMonth(manager: EntityManager, agencyId: string, month: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 13))`, [
      `statistics:${agencyId}:${month}`,
    ]);
  }

  /** The current snapshots of a body for the given months. */
  async currentFor(
    manager: EntityManager,
    agencyId: string,
    months: readonly string[],
  ): Promise<Map<string, StatisticsSnapshotEntity>> {
    const rows = await manager
      .getRepository(StatisticsSnapshotEntity)
      .createQueryBuilder('s')
      .where('s.agencyId = :agencyId AND s.month IN (:...months) AND s.supersededAt IS NULL', {
        agencyId,
        months,
      })
      .getMany();
    return new Map(rows.map((row) => [row.month, row]));
  }

  /** Every snapshot of a body's month, the current one first (re-freezes keep the old). */
  async history(
    manager: EntityManager,
    agencyId: string,
    month: string,
  ): Promise<StatisticsSnapshotEntity[]> {
    return manager.getRepository(StatisticsSnapshotEntity).find({
      where: { agencyId, month },
      order: { frozenAt: 'DESC' },
    });
  }

  /** Replaces the current snapshot (kept, marked superseded by the new one); returns the new id. */
  async freeze(
    manager: EntityManager,
    snapshot: NewSnapshot,
    previous: StatisticsSnapshotEntity | null,
  ): Promise<string> {
    const repository = manager.getRepository(StatisticsSnapshotEntity);
    if (previous) {
      await repository.update({ id: previous.id }, { supersededAt: snapshot.frozenAt });
    }
    const saved = await repository.save(repository.create(snapshot));
    if (previous) await repository.update({ id: previous.id }, { supersededById: saved.id });
    return saved.id;
  }
}
