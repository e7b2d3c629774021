/** 138****5678: phone numbers are masked everywhere except for the department handling the case. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 张** : the family name stays so a clerk can address the person. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}
