/** A page's query value; WeChat hands them over still encoded, the H5 router decoded. */
export function param(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A query string from the values given; the empty ones are left out. */
export const query = (values: Record<string, string | undefined>): string =>
  Object.entries(values)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
