// Sign-in to Microsoft Graph through nested app authentication (develop/enable-nested-app-authentication-in-your-add-in):
// MSAL's createNestablePublicClientApplication asks the Outlook host for tokens, silently first and
// with a popup when consent is needed. Legacy Exchange tokens and EWS are gone in Exchange Online,
// so this is the add-in's only way to the mailbox beyond the current item.
// MSAL is loaded on demand: the task pane's first paint does not wait for it.

import type * as MsalModule from '@azure/msal-browser';

export const GRAPH_SCOPES = ['Mail.ReadWrite'];

export type GraphAccess =
  | { state: 'ready'; getToken: () => Promise<string> }
  | { state: 'not-configured' }
  | { state: 'not-supported' }
  /** Silent sign-in was not enough (consent or first sign-in): ask again from a click. */
  | { state: 'needs-sign-in' }
  | { state: 'failed'; message: string };

/** "In Outlook, the NestedAppAuth 1.1 requirement set isn't supported … in an Outlook.com or Gmail mailbox." */
export function nestedAuthSupported(): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') === true
  );
}

type Msal = typeof MsalModule;
type NestedApp = Awaited<ReturnType<Msal['createNestablePublicClientApplication']>>;

let app: Promise<{ msal: Msal; app: NestedApp }> | undefined;

function nestedApp(clientId: string) {
  app ??= (async () => {
    const msal = await import('@azure/msal-browser');
    return {
      msal,
      app: await msal.createNestablePublicClientApplication({
        auth: { clientId, authority: 'https://login.microsoftonline.com/common' },
        // Tokens only in memory: nothing a script on this origin (or a later visitor of the browser
        // profile) could read from localStorage/sessionStorage. The host signs in again silently.
        cache: { cacheLocation: 'memoryStorage' },
      }),
    };
  })();
  app.catch(() => (app = undefined));
  return app;
}

/**
 * `interactive: false` (at start, no user gesture): silent only. `interactive: true` (from a click):
 * falls back to the host's sign-in/consent popup.
 */
export async function connectGraph(clientId: string, interactive = true): Promise<GraphAccess> {
  if (!clientId) {
    return { state: 'not-configured' };
  }
  if (!nestedAuthSupported()) {
    return { state: 'not-supported' };
  }
  try {
    const { msal, app: pca } = await nestedApp(clientId);
    const silent = async (): Promise<string> => {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      const result = await pca.acquireTokenSilent(
        account ? { scopes: GRAPH_SCOPES, account } : { scopes: GRAPH_SCOPES },
      );
      pca.setActiveAccount(result.account);
      return result.accessToken;
    };
    const getToken = async (): Promise<string> => {
      try {
        return await silent();
      } catch (error) {
        if (!interactive || !(error instanceof msal.InteractionRequiredAuthError)) {
          throw error;
        }
        const result = await pca.acquireTokenPopup({ scopes: GRAPH_SCOPES });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      }
    };
    try {
      // Fail here, where the pane can say so, rather than halfway through a sweep.
      await getToken();
    } catch (error) {
      if (!interactive && error instanceof msal.InteractionRequiredAuthError) {
        return { state: 'needs-sign-in' };
      }
      throw error;
    }
    return { state: 'ready', getToken: silent };
  } catch (error) {
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
