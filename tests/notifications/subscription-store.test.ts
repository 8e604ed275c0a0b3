import { describe, expect, it } from "vitest";
import { setChatActive } from "../../src/notifications/chat-store.ts";
import {
  addSubscription,
  findSubscriptionsByText,
  listSubscriptions,
  MAX_SUBSCRIPTIONS_PER_CHAT,
  removeSubscription,
  subscriptionsForTargets,
} from "../../src/notifications/subscription-store.ts";
import { addChat, openTestDb } from "./notification-db.ts";

const NOW = new Date("2025-07-14T10:00:00Z");

describe("subscription store", () => {
  it("adds once: subscribing again returns the existing subscription, or changes its mode", () => {
    const db = openTestDb();
    addChat(db, 1);
    const first = addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "sergei-lavrov", label: "لافروف" },
      NOW,
    );
    expect(first).toMatchObject({ status: "added", subscription: { mode: "both", label: "لافروف" } });
    const again = addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "sergei-lavrov", label: "Lavrov" },
      NOW,
    );
    expect(again).toEqual({ status: "exists", subscription: first.subscription });
    const daily = addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "sergei-lavrov", label: "لافروف", mode: "daily" },
      NOW,
    );
    expect(daily).toMatchObject({
      status: "updated",
      subscription: { id: first.subscription.id, mode: "daily" },
    });
    expect(listSubscriptions(db, 1)).toHaveLength(1);
  });

  it("stores keywords normalized, so spellings of one word are one subscription", () => {
    const db = openTestDb();
    addChat(db, 1);
    const a = addSubscription(
      db,
      { chatId: 1, targetKind: "keyword", target: "الصواريخ!", label: "الصواريخ" },
      NOW,
    );
    const b = addSubscription(
      db,
      { chatId: 1, targetKind: "keyword", target: "الصَّواريخ", label: "الصَّواريخ" },
      NOW,
    );
    expect(a.subscription.target).toBe("الصواريخ");
    expect(b.status).toBe("exists");
  });

  it("removes only the chat's own subscription", () => {
    const db = openTestDb();
    addChat(db, 1);
    addChat(db, 2);
    const mine = addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "wonsan", label: "وونسان" },
      NOW,
    );
    expect(removeSubscription(db, 2, mine.subscription.id)).toBe(false);
    expect(listSubscriptions(db, 1)).toHaveLength(1);
    expect(removeSubscription(db, 1, mine.subscription.id)).toBe(true);
    expect(listSubscriptions(db, 1)).toHaveLength(0);
  });

  it("finds a chat's subscriptions by what was typed", () => {
    const db = openTestDb();
    addChat(db, 1);
    addSubscription(
      db,
      { chatId: 1, targetKind: "entity", target: "sergei-lavrov", label: "سيرغي لافروف" },
      NOW,
    );
    addSubscription(db, { chatId: 1, targetKind: "keyword", target: "بيونغ يانغ", label: "بيونغ يانغ" }, NOW);
    expect(findSubscriptionsByText(db, 1, "سيرغى لافروف").map((s) => s.target)).toEqual(["sergei-lavrov"]);
    expect(findSubscriptionsByText(db, 1, "بيونغ-يانغ").map((s) => s.target)).toEqual(["بيونغ يانغ"]);
    expect(findSubscriptionsByText(db, 1, "موسكو")).toEqual([]);
  });

  it("caps the number of subscriptions per chat", () => {
    const db = openTestDb();
    addChat(db, 1);
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CHAT; i++)
      addSubscription(db, { chatId: 1, targetKind: "keyword", target: `كلمة${i}`, label: `كلمة${i}` }, NOW);
    expect(() =>
      addSubscription(db, { chatId: 1, targetKind: "keyword", target: "أخرى", label: "أخرى" }, NOW),
    ).toThrowError(/remove some with \/subscriptions/);
  });

  it("finds the subscriptions of active chats on given targets and modes", () => {
    const db = openTestDb();
    for (const id of [1, 2, 3, 4]) addChat(db, id);
    const add = (chatId: number, target: string, mode: "instant" | "daily" | "both") =>
      addSubscription(db, { chatId, targetKind: "entity", target, label: target, mode }, NOW);
    add(1, "kim-jong-un", "instant");
    add(2, "kim-jong-un", "daily");
    add(3, "vladimir-putin", "both");
    add(4, "kim-jong-un", "both");
    setChatActive(db, 4, false);
    const instant = subscriptionsForTargets(
      db,
      "entity",
      ["kim-jong-un", "vladimir-putin"],
      ["instant", "both"],
    );
    expect(instant.map((s) => [s.chatId, s.target])).toEqual([
      [1, "kim-jong-un"],
      [3, "vladimir-putin"],
    ]);
    expect(subscriptionsForTargets(db, "entity", null, ["daily"]).map((s) => s.chatId)).toEqual([2]);
    expect(subscriptionsForTargets(db, "entity", [], ["both"])).toEqual([]);
  });
});
