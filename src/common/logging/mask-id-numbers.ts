/** Mainland resident identity card numbers: 17 digits and a digit or X. */
const ID_CARD_NUMBER = /(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9])/g;

function maskPlain(text: string): string {
  return text.replace(ID_CARD_NUMBER, (_match, head: string, tail: string) => {
    return `${head}${'*'.repeat(10)}${tail}`;
  });
}

/** Percent-decoded text, or null when it holds no escapes or a malformed one. */
function decoded(text: string): string | null {
  if (!text.includes('%')) return null;
  try {
    const plain = decodeURIComponent(text.replaceAll('+', ' '));
    return plain === text ? null : plain;
  } catch {
    return null;
  }
}

/**
 * Masks identity-card numbers in free text: `360281199001011234` → `3602**********1234`, also
 * when percent-encoded in a URL (`%33%36…`): such text is logged decoded, with the number masked.
 */
export function maskIdNumbers(text: string): string {
  const plain = decoded(text);
  if (plain !== null && maskPlain(plain) !== plain) return maskPlain(plain);
  return maskPlain(text);
}
