import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import {
  ensureChat,
  getChat,
  migrateChat,
  setChatActive,
  updateChatSettings,
} from "../../src/notifications/chat-store.ts";
import { addSubscription, listSubscriptions } from "../../src/notifications/subscription-store.ts";
import { addChat, DEFAULTS, openTestDb } from "./notification-db.ts";

describe("chat store", () => {
  it("creates a chat with the configured defaults and keeps its settings on later updates", () => {
    const db = openTestDb();
    const chat = addChat(db, 42);
    expect(chat).toMatchObject({
      id: 42,
      lang: "ar",
      timezone: "Asia/Riyadh",
      digestTime: "08:00",
      active: true,
    });
    updateChatSettings(db, 42, { lang: "en" });
    const again = ensureChat(db, { id: 42, type: "private", title: "renamed" }, DEFAULTS, new Date());
    expect(again).toMatchObject({ lang: "en", title: "renamed", createdAt: "2025-07-01T00:00:00.000Z" });
  });

  it("reactivates a chat marked inactive once it writes again", () => {
    const db = openTestDb();
    addChat(db, 7);
    setChatActive(db, 7, false);
    expect(getChat(db, 7)?.active).toBe(false);
    addChat(db, 7);
    expect(getChat(db, 7)?.active).toBe(true);
  });

  it.each([
    [{ timezone: "asia/riyadh" }, { timezone: "Asia/Riyadh" }],
    [{ timezone: "Europe/Moscow" }, { timezone: "Europe/Moscow" }],
    [{ timezone: "UTC" }, { timezone: "UTC" }],
    [{ digestTime: "7:30" }, { digestTime: "07:30" }],
    [{ digestTime: "٨:٠٠" }, { digestTime: "08:00" }],
    [{ digestTime: "23:59" }, { digestTime: "23:59" }],
    [{ lang: "en" as const }, { lang: "en" }],
    [{ digestWhenEmpty: true }, { digestWhenEmpty: true }],
  ])("accepts %j", (settings, expected) => {
    const db = openTestDb();
    addChat(db, 1);
    expect(updateChatSettings(db, 1, settings)).toMatchObject(expected);
    expect(getChat(db, 1)).toMatchObject(expected);
  });

  it.each([
    [{ timezone: "Mars/Olympus" }, /not a time zone name; use one like Asia\/Riyadh/],
    [{ timezone: "الرياض" }, /not a time zone name/],
    [{ digestTime: "24:00" }, /HH:MM in 24-hour time/],
    [{ digestTime: "8am" }, /HH:MM/],
    [{ lang: "fr" as "en" }, /ar or en/],
  ])("refuses %j with a message that says what to type", (settings, message) => {
    const db = openTestDb();
    addChat(db, 1);
    expect(() => updateChatSettings(db, 1, settings)).toThrowError(InputError);
    expect(() => updateChatSettings(db, 1, settings)).toThrowError(message);
    expect(getChat(db, 1)).toMatchObject({ timezone: "Asia/Riyadh", digestTime: "08:00", lang: "ar" });
  });

  it("refuses settings for a chat it has never seen", () => {
    const db = openTestDb();
    expect(() => updateChatSettings(db, 99, { lang: "en" })).toThrowError(/send \/start first/);
  });

  it("moves a group to its supergroup id with its subscriptions", () => {
    const db = openTestDb();
    addChat(db, -100, { type: "group" });
    addSubscription(
      db,
      { chatId: -100, targetKind: "entity", target: "kim-jong-un", label: "كيم" },
      new Date(),
    );
    migrateChat(db, -100, -1001);
    expect(getChat(db, -100)).toBeNull();
    expect(getChat(db, -1001)?.type).toBe("supergroup");
    expect(listSubscriptions(db, -1001).map((s) => s.target)).toEqual(["kim-jong-un"]);
  });

  it("merges into a supergroup already known, keeping one subscription per target", () => {
    const db = openTestDb();
    addChat(db, -100, { type: "group" });
    addChat(db, -1001, { type: "supergroup" });
    const now = new Date();
    addSubscription(db, { chatId: -100, targetKind: "entity", target: "kim-jong-un", label: "كيم" }, now);
    addSubscription(db, { chatId: -100, targetKind: "keyword", target: "وونسان", label: "وونسان" }, now);
    addSubscription(db, { chatId: -1001, targetKind: "entity", target: "kim-jong-un", label: "كيم" }, now);
    migrateChat(db, -100, -1001);
    expect(getChat(db, -100)).toBeNull();
    expect(listSubscriptions(db, -1001).map((s) => s.target)).toEqual(["وونسان", "kim-jong-un"]);
  });
});
