import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";
import { InputError } from "../errors.ts";
import { normalizeArabic } from "../text/normalize.ts";
import { normalizeKeyword } from "./keyword-match.ts";

export type TargetKind = "entity" | "keyword";
export type SubscriptionMode = "instant" | "daily" | "both";

export interface Subscription {
  id: number;
  chatId: number;
  targetKind: TargetKind;
  /** An entity id, or a keyword as normalizeKeyword gives it. */
  target: string;
  label: string;
  mode: SubscriptionMode;
  createdAt: string;
}

interface SubscriptionRow {
  id: number;
  chat_id: number;
  target_kind: TargetKind;
  target: string;
  label: string;
  mode: SubscriptionMode;
  created_at: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    chatId: row.chat_id,
    targetKind: row.target_kind,
    target: row.target,
    label: row.label,
    mode: row.mode,
    createdAt: row.created_at,
  };
}

/** Keeps one chat's list readable and bounds the matching work per article. */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 50;
const MAX_LABEL_CHARS = 80;

/** The modes that receive instant alerts, and those that receive the daily digest. */
export const INSTANT_MODES: readonly SubscriptionMode[] = ["instant", "both"];
export const DAILY_MODES: readonly SubscriptionMode[] = ["daily", "both"];

export interface NewSubscription {
  chatId: number;
  targetKind: TargetKind;
  target: string;
  label: string;
  mode?: SubscriptionMode;
}

export type AddResult = { status: "added" | "exists" | "updated"; subscription: Subscription };

/**
 * Subscribes a chat. Subscribing again to the same target returns the existing subscription, with its mode
 * changed when a different one was asked for.
 */
export function addSubscription(db: Db, input: NewSubscription, now: Date): AddResult {
  const label = input.label.trim().slice(0, MAX_LABEL_CHARS);
  const target = input.targetKind === "keyword" ? normalizeKeyword(input.target) : input.target;
  if (!target || !label)
    throw new InputError("empty_target", "Say what to follow: a person, a place or a word.");
  const add = db.transaction((): AddResult => {
    const existing = prepareCached(
      db,
      "SELECT * FROM subscriptions WHERE chat_id = ? AND target_kind = ? AND target = ?",
    ).get(input.chatId, input.targetKind, target) as SubscriptionRow | undefined;
    if (existing) {
      if (input.mode === undefined || input.mode === existing.mode)
        return { status: "exists", subscription: toSubscription(existing) };
      prepareCached(db, "UPDATE subscriptions SET mode = ? WHERE id = ?").run(input.mode, existing.id);
      return { status: "updated", subscription: toSubscription({ ...existing, mode: input.mode }) };
    }
    const { count } = prepareCached(db, "SELECT count(*) AS count FROM subscriptions WHERE chat_id = ?").get(
      input.chatId,
    ) as { count: number };
    if (count >= MAX_SUBSCRIPTIONS_PER_CHAT) {
      throw new InputError(
        "too_many_subscriptions",
        `This chat already follows ${count} subjects, the most allowed; remove some with /subscriptions first.`,
      );
    }
    const row = prepareCached(
      db,
      `INSERT INTO subscriptions (chat_id, target_kind, target, label, mode, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
    ).get(input.chatId, input.targetKind, target, label, input.mode ?? "both", now.toISOString()) as
      | SubscriptionRow
      | undefined;
    if (!row)
      throw new InputError("unknown_chat", `Chat ${input.chatId} is not known yet; send /start first.`);
    return { status: "added", subscription: toSubscription(row) };
  });
  return add();
}

export function listSubscriptions(db: Db, chatId: number): Subscription[] {
  const rows = prepareCached(db, "SELECT * FROM subscriptions WHERE chat_id = ? ORDER BY id").all(
    chatId,
  ) as SubscriptionRow[];
  return rows.map(toSubscription);
}

/** Removes one of the chat's own subscriptions; an id belonging to another chat is left alone (false). */
export function removeSubscription(db: Db, chatId: number, subscriptionId: number): boolean {
  const { changes } = prepareCached(db, "DELETE FROM subscriptions WHERE id = ? AND chat_id = ?").run(
    subscriptionId,
    chatId,
  );
  return changes > 0;
}

/** The chat's subscriptions whose label or target is the given text (for "/unsubscribe لافروف"). */
export function findSubscriptionsByText(db: Db, chatId: number, text: string): Subscription[] {
  const wanted = normalizeArabic(text);
  if (!wanted) return [];
  return listSubscriptions(db, chatId).filter(
    (s) => normalizeArabic(s.label) === wanted || normalizeArabic(s.target) === wanted,
  );
}

/** Subscriptions of active chats, in the given modes, on any of the targets (all of the kind when omitted). */
export function subscriptionsForTargets(
  db: Db,
  kind: TargetKind,
  targets: readonly string[] | null,
  modes: readonly SubscriptionMode[],
): Subscription[] {
  if (targets?.length === 0 || modes.length === 0) return [];
  const rows = prepareCached(
    db,
    `SELECT s.* FROM subscriptions s JOIN chats c ON c.id = s.chat_id
        WHERE c.active = 1 AND s.target_kind = ?
          AND s.mode IN (SELECT value FROM json_each(?))
          AND (? IS NULL OR s.target IN (SELECT value FROM json_each(?)))
        ORDER BY s.chat_id, s.id`,
  ).all(
    kind,
    JSON.stringify(modes),
    targets === null ? null : 1,
    JSON.stringify(targets ?? []),
  ) as SubscriptionRow[];
  return rows.map(toSubscription);
}
