'use client';

import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element around it (a success banner, tabindex="-1") when it appears, so a
 * screen reader reads what just happened and the next Tab continues from there. Without
 * JavaScript the element's `autofocus` attribute does this on page load; with it, the page after
 * a form arrives by client navigation, where `autofocus` is not applied.
 */
export function FocusOnArrival() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    ref.current?.parentElement?.focus();
  }, []);
  return <span ref={ref} hidden />;
}
