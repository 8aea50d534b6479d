import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_NUMBER_TEMPLATES,
  formatCaseNumber,
  type NumberKind,
} from '../../domain/reconsideration/case-number-template.value';
import { AgencyRepository } from '../identity/agency.repository';
import { NumberSequenceRepository } from './number-sequence.repository';
import { ReconsiderationCaseRepository } from './reconsideration-case.repository';

/** Receipt and case numbers from the body's templates and gapless yearly sequences. */
@Injectable()
export class CaseNumberingService {
  constructor(
    private readonly sequences: NumberSequenceRepository,
    private readonly agencies: AgencyRepository,
    private readonly cases: ReconsiderationCaseRepository,
  ) {}

  /**
   * The next free number of a kind. A case number given by hand earlier may stand where the
   * sequence arrives: such numbers are skipped, so acceptance never collides with them.
   */
  async next(
    manager: EntityManager,
    agencyId: string,
    kind: NumberKind,
    year: number,
  ): Promise<string> {
    const templates = await this.agencies.numberTemplates(manager, agencyId);
    const template =
      (kind === 'receipt' ? templates.receiptNumberTemplate : templates.caseNumberTemplate) ??
      DEFAULT_NUMBER_TEMPLATES[kind];
    for (;;) {
      const seq = await this.sequences.advance(manager, agencyId, kind, year);
      const number = formatCaseNumber(template, { code: templates.code, year, seq });
      if (kind === 'receipt' || !(await this.cases.caseNumberTaken(manager, agencyId, number))) {
        return number;
      }
    }
  }
}
