import { Telegram } from "telegraf";
import { expect, it } from "vitest";
import { createMemorySender } from "../../src/notifications/memory-sender.ts";
import { createTelegrafSender } from "../../src/notifications/telegraf-sender.ts";
import { startBotApiServer } from "./bot-api-server.ts";
import { describeMessageSenderContract } from "./message-sender.contract.ts";

describeMessageSenderContract("in-memory twin", async () => {
  const sender = createMemorySender();
  return {
    sender,
    failNext: (chatId, failure) => sender.failNext(chatId, failure),
    accepted: () => sender.sent,
    close: async () => {},
  };
});

describeMessageSenderContract("telegraf adapter over HTTP", async () => {
  const server = await startBotApiServer();
  const telegram = new Telegram("123:TEST", { apiRoot: server.apiRoot });
  return {
    sender: createTelegrafSender(telegram),
    failNext: server.failNext,
    accepted: () => server.accepted.map(({ chatId, html }) => ({ chatId, html })),
    close: server.close,
  };
});

it("the telegraf adapter sends HTML", async () => {
  const server = await startBotApiServer();
  await createTelegrafSender(new Telegram("123:TEST", { apiRoot: server.apiRoot })).send(1, "<b>x</b>");
  expect(server.accepted).toEqual([{ chatId: 1, html: "<b>x</b>", parseMode: "HTML" }]);
  await server.close();
});
