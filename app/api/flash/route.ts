import { NextResponse } from 'next/server';
import { FLASH_COOKIE } from '@/lib/http/flash-names';

/** Forgets the flash message once a page with JavaScript has shown it (see FlashConsumed). */
export function POST() {
  const response = new NextResponse(null, { status: 204 });
  response.cookies.delete(FLASH_COOKIE);
  return response;
}
