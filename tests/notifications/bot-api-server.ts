import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { ScriptedFailure } from "../../src/notifications/memory-sender.ts";

export interface BotApiServer {
  apiRoot: string;
  failNext(chatId: number, failure: ScriptedFailure): void;
  accepted: { chatId: number; html: string; parseMode: string }[];
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return JSON.parse(body) as Record<string, unknown>;
}

/** A scripted Bot API on 127.0.0.1 answering sendMessage as Telegram does (JSON with ok / error_code). */
export async function startBotApiServer(): Promise<BotApiServer> {
  const accepted: BotApiServer["accepted"] = [];
  const scripts = new Map<number, ScriptedFailure[]>();
  const server = createServer(async (req, res) => {
    if (!req.url?.endsWith("/sendMessage")) {
      res.writeHead(404).end();
      return;
    }
    const body = await readJson(req);
    const chatId = Number(body.chat_id);
    const failure = scripts.get(chatId)?.shift();
    if (failure && "network" in failure) {
      req.socket.destroy();
      return;
    }
    res.setHeader("content-type", "application/json");
    if (failure) {
      const { error_code, description, retry_after, migrate_to_chat_id } = failure;
      const parameters =
        retry_after === undefined && migrate_to_chat_id === undefined
          ? undefined
          : { retry_after, migrate_to_chat_id };
      res.writeHead(error_code).end(JSON.stringify({ ok: false, error_code, description, parameters }));
      return;
    }
    accepted.push({ chatId, html: String(body.text), parseMode: String(body.parse_mode) });
    res.writeHead(200).end(
      JSON.stringify({
        ok: true,
        result: { message_id: accepted.length, date: 0, chat: { id: chatId }, text: "" },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    accepted,
    failNext(chatId, failure) {
      scripts.set(chatId, [...(scripts.get(chatId) ?? []), failure]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
