// What the task pane needs from Graph, behind one object: whether it can work at all, and a
// connection made on the user's first click (a consent popup needs a user gesture).
import { makeAssess, type AssessContext, type AssessFn, type EnginePort } from '../verdict/assess';
import { connectGraph, nestedAuthSupported, type GraphAccess } from './auth';
import { GraphClient } from './client';
import { learnFromSent } from './profile';
import { sentItemsLookup } from './sweep';

export type GraphAvailability = 'available' | 'not-configured' | 'not-supported';

export interface GraphConnection {
  client: GraphClient;
  /** Assessment with Sent Items lookups through Graph. */
  assess: AssessFn;
}

export interface GraphPort {
  availability: GraphAvailability;
  /** interactive: from a click (may show the host's consent popup); false: silent only, at start. */
  connect(interactive?: boolean): Promise<GraphConnection>;
  /** The connection once made, so item checks can use Sent lookups and the learned profile. */
  current?: () => GraphConnection | undefined;
  /** Called while Graph throttles us, with the seconds we wait. */
  onThrottle?: ((seconds: number) => void) | undefined;
  /** Called once the connection is made (silently at start, or from the sweep's first click). */
  onConnected?: (() => void) | undefined;
}

export class GraphUnavailableError extends Error {
  readonly state: GraphAccess['state'];

  constructor(access: Exclude<GraphAccess, { state: 'ready' }>) {
    super(access.state === 'failed' ? access.message : access.state);
    this.name = 'GraphUnavailableError';
    this.state = access.state;
  }
}

export interface GraphPortOptions {
  clientId: string;
  baseUrl: string;
  engine: EnginePort;
  context: () => Omit<AssessContext, 'lookup'>;
  /** The user's addresses, to learn their profile from Sent Items once connected. */
  addresses?: () => readonly string[];
  connect?: (clientId: string, interactive: boolean) => Promise<GraphAccess>;
  supported?: () => boolean;
}

export function createGraphPort(options: GraphPortOptions): GraphPort {
  const supported = options.supported ?? nestedAuthSupported;
  const availability: GraphAvailability = !options.clientId
    ? 'not-configured'
    : supported()
      ? 'available'
      : 'not-supported';
  let connection: Promise<GraphConnection> | undefined;
  let connectionInteractive = false;
  let made: GraphConnection | undefined;
  const attempt = async (interactive: boolean): Promise<GraphConnection> => {
    const access = await (options.connect ?? connectGraph)(options.clientId, interactive);
    if (access.state !== 'ready') {
      throw new GraphUnavailableError(access);
    }
    const client = new GraphClient({
      baseUrl: options.baseUrl,
      getToken: access.getToken,
      onThrottle: seconds => port.onThrottle?.(seconds),
    });
    const lookup = sentItemsLookup(client);
    const addresses = options.addresses?.() ?? [];
    const profile = addresses.length > 0 ? await learnFromSent(client, addresses) : undefined;
    made = {
      client,
      assess: makeAssess(options.engine, () => ({
        ...options.context(),
        ...(profile ? { profile } : {}),
        lookup,
      })),
    };
    port.onConnected?.();
    return made;
  };
  const port: GraphPort = {
    availability,
    current: () => made,
    connect(interactive = true) {
      if (connection && interactive && !connectionInteractive) {
        // A click while the silent attempt at start is still out: if that one needs the user, the
        // click's own (interactive) attempt follows it instead of failing with it.
        connection = connection.catch(() => attempt(true));
        connectionInteractive = true;
      }
      if (!connection) {
        connection = attempt(interactive);
        connectionInteractive = interactive;
      }
      const current = connection;
      // A failed attempt may be retried with the next click.
      current.catch(() => {
        if (connection === current) {
          connection = undefined;
        }
      });
      return current;
    },
  };
  return port;
}
