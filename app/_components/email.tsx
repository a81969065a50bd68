import { Fragment } from 'react';
import { emailPieces } from '@/lib/kernel/email-breaks';

/**
 * An email address that wraps where a reader expects, after the @ and before each dot, rather
 * than mid-word. Only a piece too long for its cell breaks elsewhere (`overflow-wrap:
 * break-word` on cells, the last resort).
 */
export function Email({ address }: { address: string }) {
  return (
    <span className="email">
      {emailPieces(address).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </span>
  );
}
