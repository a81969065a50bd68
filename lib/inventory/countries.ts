// Countries an admin can choose for numbers typed without a country code: those an
// organisation is likely to buy numbers in. Names are written out (not Intl.DisplayNames) so the
// server and every browser show the same words; `inText` is how a sentence names the country.

export const COUNTRIES = [
  { code: 'AR', name: 'Argentina' },
  { code: 'AU', name: 'Australia' },
  { code: 'AT', name: 'Austria' },
  { code: 'BE', name: 'Belgium' },
  { code: 'BR', name: 'Brazil' },
  { code: 'CA', name: 'Canada' },
  { code: 'CL', name: 'Chile' },
  { code: 'CO', name: 'Colombia' },
  { code: 'CZ', name: 'Czechia' },
  { code: 'DK', name: 'Denmark' },
  { code: 'FI', name: 'Finland' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'GR', name: 'Greece' },
  { code: 'HK', name: 'Hong Kong' },
  { code: 'HU', name: 'Hungary' },
  { code: 'IN', name: 'India' },
  { code: 'IE', name: 'Ireland' },
  { code: 'IL', name: 'Israel' },
  { code: 'IT', name: 'Italy' },
  { code: 'JP', name: 'Japan' },
  { code: 'MX', name: 'Mexico' },
  { code: 'NL', name: 'Netherlands', inText: 'the Netherlands' },
  { code: 'NZ', name: 'New Zealand' },
  { code: 'NO', name: 'Norway' },
  { code: 'PH', name: 'Philippines', inText: 'the Philippines' },
  { code: 'PL', name: 'Poland' },
  { code: 'PT', name: 'Portugal' },
  { code: 'PR', name: 'Puerto Rico' },
  { code: 'RO', name: 'Romania' },
  { code: 'SG', name: 'Singapore' },
  { code: 'ZA', name: 'South Africa' },
  { code: 'KR', name: 'South Korea' },
  { code: 'ES', name: 'Spain' },
  { code: 'SE', name: 'Sweden' },
  { code: 'CH', name: 'Switzerland' },
  { code: 'GB', name: 'United Kingdom', inText: 'the United Kingdom' },
  { code: 'US', name: 'United States', inText: 'the United States' },
] as const satisfies readonly { code: string; name: string; inText?: string }[];

export type CountryChoice = (typeof COUNTRIES)[number]['code'];

export const COUNTRY_CODES = COUNTRIES.map((c) => c.code) as [CountryChoice, ...CountryChoice[]];

export const DEFAULT_COUNTRY: CountryChoice = 'US';

let displayNames: Intl.DisplayNames | undefined;

/** The country as a sentence names it: "the United States", "Japan"; any ISO code works. */
export function countryInText(code: string): string {
  const known = COUNTRIES.find((c) => c.code === code) as { name: string; inText?: string } | undefined;
  return known?.inText ?? countryName(code);
}

/** The country's name for a table cell: "United States", "Japan"; any ISO code works. */
export function countryName(code: string): string {
  const known = COUNTRIES.find((c) => c.code === code);
  if (known) return known.name;
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}
