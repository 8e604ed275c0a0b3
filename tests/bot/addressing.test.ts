import type { Message } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { isAddressedToBot, readCommand, stripMention } from "../../src/bot/addressing.ts";
import { BOT_INFO, makeTextUpdate } from "./bot-harness.ts";

function groupMessage(text: string, replyToBot = false): Message {
  const update = makeTextUpdate(text, { chatType: "group", replyToBot });
  return (update as { message: Message }).message;
}

describe("isAddressedToBot in a group", () => {
  it.each([
    { text: "/ask من التقى كيم؟", addressed: true },
    { text: "/ask@rasid_test_bot من التقى كيم؟", addressed: true },
    { text: "/ask@RASID_TEST_BOT Who met Kim?", addressed: true },
    { text: "/ask@other_bot من التقى كيم؟", addressed: false },
    { text: "@rasid_test_bot من التقى كيم؟", addressed: true },
    { text: "سؤال لـ @rasid_test_bot: من التقى كيم؟", addressed: true },
    { text: "@rasid_test_bot_fan hello", addressed: false },
    { text: "من التقى كيم؟", addressed: false },
    { text: "rasid_test_bot without the at sign", addressed: false },
  ])("$text → $addressed", ({ text, addressed }) => {
    expect(isAddressedToBot(groupMessage(text), "group", BOT_INFO)).toBe(addressed);
  });

  it("counts a reply to the bot's message", () => {
    expect(isAddressedToBot(groupMessage("ومتى؟", true), "group", BOT_INFO)).toBe(true);
  });

  it("takes every message in a private chat", () => {
    expect(isAddressedToBot(groupMessage("ومتى؟"), "private", BOT_INFO)).toBe(true);
  });
});

describe("readCommand and stripMention", () => {
  it.each([
    { text: "/Subscribe@rasid_test_bot لافروف", name: "subscribe", target: "rasid_test_bot" },
    { text: "/start", name: "start", target: null },
  ])("$text", ({ text, name, target }) => {
    const message = groupMessage(text) as Message.TextMessage;
    expect(readCommand(message.text, message.entities)).toEqual({ name, target });
  });

  it.each([
    { text: "@rasid_test_bot من التقى كيم؟", question: "من التقى كيم؟" },
    { text: "Who met   Kim, @Rasid_Test_Bot ?", question: "Who met Kim, ?" },
    { text: "@rasid_test_bot_fan hi", question: "@rasid_test_bot_fan hi" },
  ])("$text → $question", ({ text, question }) => {
    expect(stripMention(text, BOT_INFO)).toBe(question);
  });
});
