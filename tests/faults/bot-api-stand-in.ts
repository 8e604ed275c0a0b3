import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A message the stand-in received, recorded when the request arrived (before any answer). */
export interface ReceivedMessage {
  chatId: number;
  text: string;
}

/** What the stand-in does with one call instead of answering it normally. */
export type Scripted = { status: number; body: string; contentType?: string } | { drop: true };

export interface BotApiStandIn {
  apiRoot: string;
  /** Every sendMessage, in arrival order. */
  received: ReceivedMessage[];
  /** Queues an update for getUpdates; the id is assigned here. */
  pushUpdate(update: Record<string, unknown>): void;
  /** Answers calls of a method with a script instead (a script answering undefined lets a call through). */
  script(
    method: string,
    answer: ((payload: Record<string, unknown>) => Scripted | undefined) | undefined,
  ): void;
  /** Milliseconds sendMessage waits before answering: a Telegram that accepts slowly. */
  sendDelayMs: number;
  /** Called for each sendMessage once it is recorded. */
  onMessage?: (message: ReceivedMessage) => void;
  close(): Promise<void>;
}

const BOT_USER = {
  id: 4242,
  is_bot: true,
  first_name: "rasid",
  username: "rasid_faults_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of req) body += chunk;
  if (!body) return {};
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/**
 * A small Bot API on 127.0.0.1 for what the emulator cannot do: answer slowly, fail chosen methods with
 * any status or body, or drop the connection. getUpdates holds an empty answer briefly, as long polling does.
 */
export async function startBotApiStandIn(): Promise<BotApiStandIn> {
  const updates: Record<string, unknown>[] = [];
  const scripts = new Map<string, (payload: Record<string, unknown>) => Scripted | undefined>();
  let nextUpdateId = 1;
  const pending = new Set<() => void>();

  const standIn: BotApiStandIn = {
    apiRoot: "",
    received: [],
    sendDelayMs: 0,
    pushUpdate(update) {
      updates.push({ ...update, update_id: nextUpdateId++ });
      for (const wake of pending) wake();
    },
    script(method, script) {
      if (script) scripts.set(method, script);
      else scripts.delete(method);
    },
    close: () =>
      new Promise((resolve) => {
        for (const wake of pending) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer(async (req, res) => {
    res.on("error", () => undefined);
    const method = req.url?.split("/").at(-1)?.split("?")[0] ?? "";
    const payload = await readJson(req);
    const scripted = scripts.get(method)?.(payload);
    if (scripted) {
      if ("drop" in scripted) return void req.socket.destroy();
      res.writeHead(scripted.status, { "content-type": scripted.contentType ?? "application/json" });
      return void res.end(scripted.body);
    }
    switch (method) {
      case "getMe":
        return answer(res, 200, { ok: true, result: BOT_USER });
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        const due = () => updates.filter((u) => Number(u.update_id) >= offset);
        if (due().length === 0 && payload.limit === undefined) {
          // Long polling: hold the empty answer until an update comes or a short while passes.
          await new Promise<void>((resolve) => {
            const wake = () => {
              pending.delete(wake);
              clearTimeout(timer);
              resolve();
            };
            const timer = setTimeout(wake, 200);
            pending.add(wake);
          });
        }
        return answer(res, 200, { ok: true, result: due() });
      }
      case "sendMessage": {
        const message = { chatId: Number(payload.chat_id), text: String(payload.text) };
        standIn.received.push(message);
        standIn.onMessage?.(message);
        if (standIn.sendDelayMs > 0) await new Promise((r) => setTimeout(r, standIn.sendDelayMs));
        return answer(res, 200, {
          ok: true,
          result: {
            message_id: standIn.received.length,
            date: Math.floor(Date.now() / 1000),
            chat: { id: message.chatId, type: message.chatId > 0 ? "private" : "group" },
            text: message.text,
          },
        });
      }
      default:
        return answer(res, 200, { ok: true, result: true });
    }
  });
  // A client killed mid-request resets its sockets; that is the point of some tests, not a failure.
  server.on("connection", (socket) => socket.on("error", () => undefined));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  standIn.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

let messageId = 1;

/** A private text message from a user, as getUpdates carries it; a leading /command gets its entity. */
export function makeTextMessage(userId: number, text: string): Record<string, unknown> {
  const command = /^\/\w+/.exec(text);
  return {
    message: {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "Huda" },
      from: { id: userId, is_bot: false, first_name: "Huda", language_code: "en" },
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  };
}
