// Deployment settings read at start from config.json beside the page (written by build:addin), so a
// publisher can set the Graph client id without rebuilding.
import { GRAPH_V1 } from './graph/client';

export interface AddinConfig {
  /** Application (client) id of the Entra app registration for nested app auth; '' = not configured. */
  graphClientId: string;
  /** Microsoft Graph v1.0 root. Overridable only with another HTTPS origin or loopback (the tests' stand-in). */
  graphBaseUrl: string;
}

export const DEFAULT_CONFIG: AddinConfig = { graphClientId: '', graphBaseUrl: GRAPH_V1 };

function allowedGraphBase(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
    );
  } catch {
    return false;
  }
}

export function parseConfig(json: unknown): AddinConfig {
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const clientId = record['graphClientId'];
  return {
    graphClientId: typeof clientId === 'string' ? clientId.trim() : '',
    graphBaseUrl: allowedGraphBase(record['graphBaseUrl']) ? record['graphBaseUrl'] : GRAPH_V1,
  };
}

export async function loadConfig(url = './config.json'): Promise<AddinConfig> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok ? parseConfig(await response.json()) : DEFAULT_CONFIG;
  } catch {
    return DEFAULT_CONFIG;
  }
}
