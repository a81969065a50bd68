/**
 * An email address in the pieces a line may break between: after the @ and before each dot of
 * the domain ("ada.lovelace@", "example", ".co", ".uk"), where a reader expects an address to
 * wrap. Joined, the pieces are the address.
 */
export function emailPieces(address: string): string[] {
  const at = address.lastIndexOf('@');
  if (at < 0) return [address];
  const [first = '', ...rest] = address.slice(at + 1).split('.');
  return [address.slice(0, at + 1), first, ...rest.map((part) => `.${part}`)].filter(Boolean);
}
