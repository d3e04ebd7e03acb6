/**
 * Where a phone number is, as far as its country calling code tells: the time zones a call to it
 * must respect. A country with one zone in practice has one entry; a country with several lists
 * the zones where most of its people live (the calling window must then be open in all of them:
 * see `call-zone.ts`). Area codes are not read. Codes not listed fall back to the company's zone.
 * Outlying territories with another zone (Canary Islands, Azores, Hawaii, Alaska) are not told apart.
 */
export const COUNTRY_CALLING_ZONES: Readonly<Record<string, readonly string[]>> = {
  // North American Numbering Plan: the United States, Canada and much of the Caribbean.
  '1': ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
  '7': ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk'],
  '20': ['Africa/Cairo'],
  '27': ['Africa/Johannesburg'],
  '30': ['Europe/Athens'],
  '31': ['Europe/Amsterdam'],
  '32': ['Europe/Brussels'],
  '33': ['Europe/Paris'],
  '34': ['Europe/Madrid'],
  '36': ['Europe/Budapest'],
  '39': ['Europe/Rome'],
  '40': ['Europe/Bucharest'],
  '41': ['Europe/Zurich'],
  '43': ['Europe/Vienna'],
  '44': ['Europe/London'],
  '45': ['Europe/Copenhagen'],
  '46': ['Europe/Stockholm'],
  '47': ['Europe/Oslo'],
  '48': ['Europe/Warsaw'],
  '49': ['Europe/Berlin'],
  '51': ['America/Lima'],
  '52': ['America/Mexico_City', 'America/Tijuana'],
  '54': ['America/Argentina/Buenos_Aires'],
  '55': ['America/Sao_Paulo', 'America/Manaus'],
  '56': ['America/Santiago'],
  '57': ['America/Bogota'],
  '60': ['Asia/Kuala_Lumpur'],
  '61': ['Australia/Sydney', 'Australia/Adelaide', 'Australia/Perth'],
  '62': ['Asia/Jakarta', 'Asia/Makassar'],
  '63': ['Asia/Manila'],
  '64': ['Pacific/Auckland'],
  '65': ['Asia/Singapore'],
  '66': ['Asia/Bangkok'],
  '81': ['Asia/Tokyo'],
  '82': ['Asia/Seoul'],
  '84': ['Asia/Ho_Chi_Minh'],
  '86': ['Asia/Shanghai'],
  '90': ['Europe/Istanbul'],
  '91': ['Asia/Kolkata'],
  '92': ['Asia/Karachi'],
  '94': ['Asia/Colombo'],
  '212': ['Africa/Casablanca'],
  '234': ['Africa/Lagos'],
  '254': ['Africa/Nairobi'],
  '351': ['Europe/Lisbon'],
  '352': ['Europe/Luxembourg'],
  '353': ['Europe/Dublin'],
  '354': ['Atlantic/Reykjavik'],
  '356': ['Europe/Malta'],
  '357': ['Asia/Nicosia'],
  '358': ['Europe/Helsinki'],
  '359': ['Europe/Sofia'],
  '370': ['Europe/Vilnius'],
  '371': ['Europe/Riga'],
  '372': ['Europe/Tallinn'],
  '380': ['Europe/Kyiv'],
  '381': ['Europe/Belgrade'],
  '385': ['Europe/Zagreb'],
  '386': ['Europe/Ljubljana'],
  '387': ['Europe/Sarajevo'],
  '420': ['Europe/Prague'],
  '421': ['Europe/Bratislava'],
  '852': ['Asia/Hong_Kong'],
  '880': ['Asia/Dhaka'],
  '886': ['Asia/Taipei'],
  '966': ['Asia/Riyadh'],
  '971': ['Asia/Dubai'],
  '972': ['Asia/Jerusalem'],
};

/** The zones of an E.164 number's country (longest calling code first), or null when not listed. */
export function zonesOfNumber(e164: string): readonly string[] | null {
  const digits = /^\+(\d{4,15})$/.exec(e164)?.[1];
  if (!digits) return null;
  for (const length of [3, 2, 1]) {
    const zones = COUNTRY_CALLING_ZONES[digits.slice(0, length)];
    if (zones) return zones;
  }
  return null;
}
