/**
 * USPS codes → names, for HSDS service areas: the export names each state so a person reading
 * another tool's directory sees "Virginia", and the import maps names from other tools back to
 * codes. States, DC and the inhabited territories (immigration courts sit in PR, GU and MP too).
 */
export const US_STATE_NAMES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico', GU: 'Guam',
  VI: 'U.S. Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
};

const BY_NAME = new Map(Object.entries(US_STATE_NAMES).map(([code, name]) => [name.toLowerCase(), code]));

/**
 * A state code from what another tool wrote: "VA", "US-VA" (ISO 3166-2), "Virginia",
 * "Cook County, IL". Null when it is not recognisably one US state.
 */
export function stateCode(text: string): string | null {
  const t = text.trim().replace(/,?\s*(USA?|United States)$/i, '');
  const code = /^(?:US-)?([A-Za-z]{2})$/.exec(t)?.[1] ?? /,\s*([A-Z]{2})$/.exec(t)?.[1];
  if (code && US_STATE_NAMES[code.toUpperCase()]) return code.toUpperCase();
  return BY_NAME.get(t.toLowerCase()) ?? null;
}
