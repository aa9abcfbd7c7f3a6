// Deployment settings read at start from config.json beside the page (written by build:addin), so a
// publisher can set the Graph client id without rebuilding. The file is outside the bundle and anyone
// with write access to the web server could edit it, so it is checked at run time: the client id must
// be a GUID (an Entra application id), and the Graph root must be Microsoft Graph itself. Only a build
// made for the end-to-end test (--test-graph-origin) also accepts its local stand-in.
import { GRAPH_V1 } from './graph/client';

declare const __BSG_TEST_GRAPH_ORIGIN__: string | undefined;

export interface AddinConfig {
  /** Application (client) id of the Entra app registration for nested app auth; '' = not configured. */
  graphClientId: string;
  /** Microsoft Graph v1.0 root. */
  graphBaseUrl: string;
}

export const DEFAULT_CONFIG: AddinConfig = { graphClientId: '', graphBaseUrl: GRAPH_V1 };

/** The test build's Graph stand-in origin; '' in every real build. */
export const TEST_GRAPH_ORIGIN: string =
  typeof __BSG_TEST_GRAPH_ORIGIN__ === 'string' ? __BSG_TEST_GRAPH_ORIGIN__ : '';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function allowedGraphBase(value: unknown, testOrigin: string): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  if (value.replace(/\/+$/, '') === GRAPH_V1) {
    return true;
  }
  try {
    return testOrigin !== '' && new URL(value).origin === testOrigin;
  } catch {
    return false;
  }
}

export function parseConfig(json: unknown, testOrigin = TEST_GRAPH_ORIGIN): AddinConfig {
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const clientId = record['graphClientId'];
  const trimmed = typeof clientId === 'string' ? clientId.trim() : '';
  return {
    graphClientId: GUID.test(trimmed) ? trimmed : '',
    graphBaseUrl: allowedGraphBase(record['graphBaseUrl'], testOrigin) ? record['graphBaseUrl'] : GRAPH_V1,
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
