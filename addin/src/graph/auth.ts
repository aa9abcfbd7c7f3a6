// Sign-in to Microsoft Graph through nested app authentication (develop/enable-nested-app-authentication-in-your-add-in):
// MSAL's createNestablePublicClientApplication asks the Outlook host for tokens, silently first and
// with a popup when consent is needed. Legacy Exchange tokens and EWS are gone in Exchange Online,
// so this is the add-in's only way to the mailbox beyond the current item.
// MSAL is loaded on demand: the task pane's first paint does not wait for it.

export const GRAPH_SCOPES = ['Mail.ReadWrite'];

export type GraphAccess =
  | { state: 'ready'; getToken: () => Promise<string> }
  | { state: 'not-configured' }
  | { state: 'not-supported' }
  | { state: 'failed'; message: string };

/** "In Outlook, the NestedAppAuth 1.1 requirement set isn't supported … in an Outlook.com or Gmail mailbox." */
export function nestedAuthSupported(): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') === true
  );
}

export async function connectGraph(clientId: string): Promise<GraphAccess> {
  if (!clientId) {
    return { state: 'not-configured' };
  }
  if (!nestedAuthSupported()) {
    return { state: 'not-supported' };
  }
  try {
    const msal = await import('@azure/msal-browser');
    const app = await msal.createNestablePublicClientApplication({
      auth: { clientId, authority: 'https://login.microsoftonline.com/common' },
    });
    const getToken = async (): Promise<string> => {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      const request = account ? { scopes: GRAPH_SCOPES, account } : { scopes: GRAPH_SCOPES };
      try {
        const result = await app.acquireTokenSilent(request);
        app.setActiveAccount(result.account);
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof msal.InteractionRequiredAuthError)) {
          throw error;
        }
        const result = await app.acquireTokenPopup({ scopes: GRAPH_SCOPES });
        app.setActiveAccount(result.account);
        return result.accessToken;
      }
    };
    // Fail here, where the pane can say so, rather than halfway through a sweep.
    await getToken();
    return { state: 'ready', getToken };
  } catch (error) {
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
