import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NumberKind } from '../../domain/reconsideration/case-number-template.value';

/** Per-body, per-year sequences of receipt and case numbers (table number_sequence). */
@Injectable()
export class NumberSequenceRepository {
  /**
   * The next value of a sequence. The row stays locked until the command's transaction ends,
   * so numbers are gapless: a rolled-back command gives its number back.
   */
  async advance(
    manager: EntityManager,
    agencyId: string,
    kind: NumberKind,
    year: number,
  ): Promise<number> {
    const [row] = await manager.query<Array<{ last_value: number }>>(
      `INSERT INTO number_sequence (agency_id, kind, year, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (agency_id, kind, year) DO UPDATE SET last_value = number_sequence.last_value + 1
       RETURNING last_value`,
      [agencyId, kind, year],
    );
    return row.last_value;
  }
}
