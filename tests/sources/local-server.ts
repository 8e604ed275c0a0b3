import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  url: (path: string) => string;
  /** Requests received, as "METHOD /path". */
  requests: string[];
  close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port; routes are matched on the exact path. */
export async function startLocalServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const handler = routes[req.url?.split("?")[0] ?? ""];
    if (handler) handler(req, res);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
