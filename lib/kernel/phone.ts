import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** "+1 206 555 0100": readable, and with the country code it cannot be misread. */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** The digits of a search term, ignoring spaces, dashes, brackets and a leading +. */
export function searchDigits(q: string): string {
  return q.replace(/\D/g, '');
}

/** The area code of a North American number ("206" for +1 206 555 0100); other plans have none we can name. */
export function areaCode(e164: string): string | undefined {
  return /^\+1(\d{3})\d{7}$/.exec(e164)?.[1];
}
