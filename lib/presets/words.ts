// How a set of telephony permissions reads, on banners, confirmation steps and the presets list.
// Pure and client-safe.

export type Permissions = { inboundCalling: boolean; outboundCalling: boolean; sms: boolean };

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The permissions that are on, or off, as words: "inbound and outbound calling", "SMS". */
function named(p: Permissions, on: boolean): string[] {
  const inbound = p.inboundCalling === on;
  const outbound = p.outboundCalling === on;
  const calling =
    inbound && outbound ? ['inbound and outbound calling'] : inbound ? ['inbound calling'] : outbound ? ['outbound calling'] : [];
  return [...calling, ...(p.sms === on ? ['SMS'] : [])];
}

/** "inbound and outbound calling on, SMS off"; "inbound and outbound calling and SMS on". */
export function describePermissions(p: Permissions): string {
  const on = named(p, true);
  const off = named(p, false);
  return [on.length ? `${list(on)} on` : '', off.length ? `${list(off)} off` : ''].filter(Boolean).join(', ');
}

/** "Calling only (inbound and outbound calling on, SMS off)", or the default's words. */
export function describeChoice(choice: ({ name: string } & Permissions) | null): string {
  return choice ? `${choice.name} (${describePermissions(choice)})` : 'All off (inbound and outbound calling and SMS off)';
}
