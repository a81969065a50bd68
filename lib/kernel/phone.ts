import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** "+1 206 555 0100": readable, and with the country code it cannot be misread. */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** The digits of a search term, ignoring spaces, dashes, brackets and a leading +. */
export function searchDigits(q: string): string {
  return q.replace(/\D/g, '');
}
