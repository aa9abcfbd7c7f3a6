// How UI code talks to the background: one typed function, so components can be tested with a fake.
import type { Request, RequestType, Response } from '../protocol';

export type Ask = <T extends RequestType>(request: Request<T>) => Promise<Response<T>>;

export function runtimeAsk(sendMessage: (message: unknown) => Promise<unknown>): Ask {
  return async <T extends RequestType>(request: Request<T>) => (await sendMessage(request)) as Response<T>;
}
