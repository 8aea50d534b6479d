/** Mainland resident identity card numbers: 17 digits and a digit or X. */
const ID_CARD_NUMBER = /(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g;

/** Masks identity-card numbers in free text: `360281199001011234` → `3602**********1234`. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_CARD_NUMBER, (_match, head: string, tail: string) => {
    return `${head}${'*'.repeat(10)}${tail}`;
  });
}
