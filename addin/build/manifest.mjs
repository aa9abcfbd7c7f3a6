// One configuration for every URL: manifest.xml is written for the development origin, and a
// deployment build swaps that origin for the one given with --base-url.
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks a deployment base URL: HTTPS only ("The source location must be an HTTPS address",
 * manifest/sourcelocation), no query or fragment, no trailing slash.
 * @param {string} value
 */
export function normalizeBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`--base-url: not a URL: ${value}`);
  }
  if (url.protocol !== 'https:') {
    throw new TypeError(`--base-url must be https:// (Outlook loads add-ins over HTTPS only): ${value}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError(`--base-url may not carry a query, fragment or credentials: ${value}`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * @param {string} xml the repository's manifest.xml
 * @param {string} baseUrl from normalizeBaseUrl
 */
export function manifestFor(xml, baseUrl) {
  const out = xml.split(`${DEV_ORIGIN}/`).join(`${baseUrl}/`);
  if (baseUrl !== DEV_ORIGIN && out.includes(DEV_ORIGIN)) {
    throw new Error('manifest.xml names the development origin somewhere other than a URL prefix');
  }
  return out;
}
