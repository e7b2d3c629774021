/** 138****5678: phone numbers are masked everywhere except for the department handling the case. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 张** : the family name stays so a clerk can address the person. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

/** How long a finished case keeps the requester's name and phone unless an admin sets otherwise. */
export const DEFAULT_RETENTION_YEARS = 3;
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 30;

/** What stands in for a name once the person deleted their data or its retention period ran out. */
export const ERASED_NAME = '已删除';

// Mainland mobile numbers and 18-digit ID card numbers, wherever they appear in free text.
const PHONE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_CARD_IN_TEXT = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/**
 * Free text with a person's known name and phone taken out, and any mobile or ID card number in it:
 * what is left still says what was asked and done, without saying who.
 */
export function scrubText(text: string, known: readonly string[]): string {
  let out = text.replace(ID_CARD_IN_TEXT, '***').replace(PHONE_IN_TEXT, '***');
  // A one-character "name" would take out ordinary words; a real name has at least two.
  for (const k of known) if (Array.from(k.trim()).length >= 2) out = out.split(k.trim()).join('***');
  return out;
}
