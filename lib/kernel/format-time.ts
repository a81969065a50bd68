import { z } from 'zod';

// The one place the console turns a moment into words: every date and time a page shows goes
// through here, in the time zone the signed-in admin chose (Admin.timeZone, UTC unless they chose
// another). A time is always shown with its zone named; a day alone is the day in that zone.
// Machine interfaces (the API, SCIM, CSV's time column) keep ISO 8601 in UTC.

export const DEFAULT_TIME_ZONE = 'UTC';

/** The zones an admin may choose: UTC, then every IANA zone this runtime knows, by name. */
export const TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
const KNOWN = new Set(TIME_ZONES);

export const isTimeZone = (zone: string) => KNOWN.has(zone);

/** A time zone from the list; anything else is refused with the form's words. */
export const timeZoneSchema = z
  .string({ error: 'Choose a time zone from the list' })
  .refine(isTimeZone, 'Choose a time zone from the list');

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string, style: 'day' | 'minutes' | 'seconds'): Intl.DateTimeFormat {
  const key = `${zone} ${style}`;
  let f = formats.get(key);
  if (!f) {
    // A zone stored before this runtime dropped it reads as UTC rather than failing the page.
    const timeZone = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
    f = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      ...(style === 'day' ? {} : { timeStyle: style === 'seconds' ? 'medium' : 'short' }),
      timeZone,
    });
    formats.set(key, f);
  }
  return f;
}

/** How a page writes moments for one admin: `timesIn(admin.timeZone)`. */
export type Times = {
  /** The zone's name as shown beside times: "UTC", "Europe/Paris". */
  zone: string;
  /** "1 Mar 2027, 09:30 UTC". */
  at(d: Date): string;
  /** "1 Mar 2027, 09:30:15", for a table whose heading names the zone. */
  atSeconds(d: Date): string;
  /** "1 Mar 2027", the day in the zone. */
  day(d: Date): string;
};

export function timesIn(zone: string): Times {
  const name = isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  return {
    zone: name,
    at: (d) => `${format(name, 'minutes').format(d)} ${name}`,
    atSeconds: (d) => format(name, 'seconds').format(d),
    day: (d) => format(name, 'day').format(d),
  };
}
