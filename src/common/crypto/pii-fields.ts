import type { ValueTransformer } from 'typeorm';
import type { SecretBox } from './secret-box';

/**
 * Personal ID numbers at rest (PIPL 第二十八条: sensitive personal information). Parties are
 * stored as JSON objects whose `idNumber` is sealed with the app's SecretBox (AES-256-GCM), and
 * each record keeps the keyed hashes of its numbers for exact search. The box is set once at
 * start (`usePiiBox`), before migrations and the app, so that TypeORM's column transformers and
 * the sealing migration share the key.
 */
let box: SecretBox | undefined;

export function usePiiBox(secretBox: SecretBox): void {
  box = secretBox;
}

export function piiBox(): SecretBox | undefined {
  return box;
}

/** Anything with an optional `idNumber` (applicants, agents, third parties, plaintiffs). */
type Party = { idNumber?: string | null };

function requireBox(): SecretBox {
  if (!box) throw new Error('Personal data needs the encryption key: usePiiBox() was not called');
  return box;
}

/** The idNumber sealed (already sealed values are kept). */
export function sealParty<T extends Party | null | undefined>(party: T): T {
  if (!party || typeof party.idNumber !== 'string' || party.idNumber === '') return party;
  const secrets = requireBox();
  if (secrets.isSealed(party.idNumber)) return party;
  return { ...party, idNumber: secrets.seal(party.idNumber) };
}

/** The idNumber opened; a plain value (not sealed yet) is returned as it is. */
export function openParty<T extends Party | null | undefined>(party: T): T {
  if (!party || typeof party.idNumber !== 'string' || !party.idNumber.startsWith('v1.')) {
    return party;
  }
  return { ...party, idNumber: requireBox().open(party.idNumber) };
}

/** The keyed hash of an ID number for exact search (upper-cased: `x` and `X` are one). */
export function idNumberHash(idNumber: string): string {
  return requireBox().hash(idNumber.trim().toUpperCase());
}

/** The search hashes of every ID number among the parties (plain values). */
export function idNumberHashesOf(parties: ReadonlyArray<Party | null | undefined>): string[] {
  const hashes = new Set<string>();
  for (const party of parties) {
    if (party && typeof party.idNumber === 'string' && party.idNumber !== '') {
      hashes.add(idNumberHash(party.idNumber));
    }
  }
  return [...hashes];
}

/** A jsonb column holding one party: its idNumber sealed at rest. */
export const sealedPartyTransformer: ValueTransformer = {
  to: (value: Party | null | undefined) => sealParty(value),
  from: (value: Party | null | undefined) => openParty(value),
};

/** A jsonb column holding a list of parties: each idNumber sealed at rest. */
export const sealedPartiesTransformer: ValueTransformer = {
  to: (value: Party[] | null | undefined) => value?.map((party) => sealParty(party)) ?? value,
  from: (value: Party[] | null | undefined) => value?.map((party) => openParty(party)) ?? value,
};
