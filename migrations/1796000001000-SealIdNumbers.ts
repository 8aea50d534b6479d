import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idNumberHashesOf, openParty, piiBox, sealParty } from '../src/common/crypto/pii-fields';

type Party = { idNumber?: string | null } & Record<string, unknown>;

interface CaseParties {
  id: string;
  applicants: Party[];
  agent: Party | null;
  third_parties: Party[];
}

const BATCH = 500;

/** Seals every plain ID number stored on cases (idempotent: sealed ones are left as they are). */
export async function sealStoredIdNumbers(
  queryRunner: Pick<QueryRunner, 'query'>,
): Promise<number> {
  let sealed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT id, applicants, agent, third_parties FROM reconsideration_case
          WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [after],
    )) as CaseParties[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const parties = [...row.applicants, row.agent, ...row.third_parties];
      if (!hasPlain(parties)) continue;
      if (!piiBox()) {
        throw new Error(
          'Stored ID numbers must be sealed: set PII_ENCRYPTION_KEY (32 bytes) and run again',
        );
      }
      const plain = parties.map((party) => openParty(party));
      sealed += 1;
      await queryRunner.query(
        `UPDATE reconsideration_case
              SET applicants = $2, agent = $3, third_parties = $4, id_number_hashes = $5
            WHERE id = $1`,
        [
          row.id,
          JSON.stringify(row.applicants.map((party) => sealParty(party))),
          row.agent === null ? null : JSON.stringify(sealParty(row.agent)),
          JSON.stringify(row.third_parties.map((party) => sealParty(party))),
          idNumberHashesOf(plain),
        ],
      );
    }
    after = rows[rows.length - 1].id;
  }
  return sealed;
}

function hasPlain(parties: ReadonlyArray<Party | null>): boolean {
  return parties.some(
    (party) =>
      party !== null && typeof party.idNumber === 'string' && !party.idNumber.startsWith('v1.'),
  );
}

/**
 * Personal ID numbers at rest (PIPL; issue 14): the search hashes column, and every stored
 * number of applicants, agents and third parties sealed with PII_ENCRYPTION_KEY (AES-256-GCM).
 * Existing plain numbers need the durable key: without it the migration stops and says so.
 */
export class SealIdNumbers1796000001000 implements MigrationInterface {
  name = 'SealIdNumbers1796000001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reconsideration_case" ADD "id_number_hashes" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE INDEX "reconsideration_case_id_number_hashes_idx" ON "reconsideration_case" USING gin ("id_number_hashes")`,
    );
    await sealStoredIdNumbers(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The numbers stay sealed (opening them back to plain text is not offered).
    await queryRunner.query('DROP INDEX "public"."reconsideration_case_id_number_hashes_idx"');
    await queryRunner.query('ALTER TABLE "reconsideration_case" DROP COLUMN "id_number_hashes"');
  }
}
