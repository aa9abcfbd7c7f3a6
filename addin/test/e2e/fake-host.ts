// The fake Outlook host for the browser tests, bundled into one classic script and served in place of
// Microsoft's office.js. It installs the same fake Office as the unit tests (fake-office.ts) and,
// when asked, a stand-in for the host's nested-app-auth bridge (window.nestedAppAuthBridge, the
// object MSAL's createNestablePublicClientApplication talks to: JSON requests GetInitContext /
// GetToken / GetTokenPopup answered by JSON envelopes {requestId, success, …}).
import { createFakeOffice, type FakeHost, type FakeHostOptions } from '../fake-office';

export interface FakeBrowserHostOptions extends FakeHostOptions {
  naa?: { accessToken: string; clientId: string };
}

interface BridgeRequest {
  requestId: string;
  method: string;
  tokenParams?: { scope?: string };
}

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function installBridge(
  naa: NonNullable<FakeBrowserHostOptions['naa']>,
  userAddress: string,
  calls: string[],
): void {
  const listeners: Array<(message: string) => void> = [];
  const tenantId = '72f988bf-0000-4000-8000-000000000001';
  const objectId = '00000000-0000-4000-8000-0000000000aa';
  const now = Math.floor(Date.now() / 1000);
  // An unsigned id token: MSAL reads its claims; signatures are the host's business, not the add-in's.
  const idToken = [
    base64url({ alg: 'none', typ: 'JWT' }),
    base64url({
      aud: naa.clientId,
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      oid: objectId,
      tid: tenantId,
      sub: objectId,
      preferred_username: userAddress,
      name: 'Test User',
      ver: '2.0',
    }),
    'sig',
  ].join('.');
  const account = {
    homeAccountId: `${objectId}.${tenantId}`,
    environment: 'login.microsoftonline.com',
    tenantId,
    username: userAddress,
    localAccountId: objectId,
    name: 'Test User',
  };
  (window as unknown as Record<string, unknown>)['nestedAppAuthBridge'] = {
    addEventListener(_type: string, listener: (message: string) => void) {
      listeners.push(listener);
    },
    removeEventListener(_type: string, listener: (message: string) => void) {
      const at = listeners.indexOf(listener);
      if (at >= 0) {
        listeners.splice(at, 1);
      }
    },
    postMessage(text: string) {
      const request = JSON.parse(text) as BridgeRequest;
      calls.push(`naa:${request.method}`);
      let response: Record<string, unknown>;
      if (request.method === 'GetInitContext') {
        response = {
          success: true,
          initContext: {
            sdkName: 'fake-outlook',
            sdkVersion: '1.0.0',
            capabilities: {},
            accountContext: undefined,
          },
        };
      } else if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
        response = {
          success: true,
          token: {
            access_token: naa.accessToken,
            id_token: idToken,
            expires_in: 3600,
            scope: request.tokenParams?.scope ?? 'Mail.ReadWrite',
          },
          account,
        };
      } else {
        response = {
          success: false,
          error: { status: 'NOT_SUPPORTED_ERROR', code: 'unsupported', description: request.method },
        };
      }
      const envelope = JSON.stringify({
        messageType: 'NestedAppAuthResponse',
        requestId: request.requestId,
        ...response,
      });
      setTimeout(() => listeners.forEach(listener => listener(envelope)), 1);
    },
  };
}

const options = (window as unknown as { __bsgFakeHostOptions?: FakeBrowserHostOptions }).__bsgFakeHostOptions;
if (options) {
  const host: FakeHost = createFakeOffice(options);
  (window as unknown as Record<string, unknown>)['Office'] = host.Office;
  (window as unknown as Record<string, unknown>)['__fakeHost'] = host;
  if (options.naa) {
    installBridge(options.naa, options.userAddress, host.calls);
  }
}
