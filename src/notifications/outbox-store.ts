import { z } from "zod";
import type { Db } from "../db/open.ts";
import { prepareCached } from "../db/prepared.ts";

export type OutboxKind = "alert" | "digest" | "notice";
export type OutboxStatus = "pending" | "sent" | "failed" | "dropped";

/** What an outbox row carries; alerts hold ids and are rendered when sent (render-outbox.ts). */
export const outboxPayloadSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("event"), eventId: z.string().min(1) }),
  z.object({ type: z.literal("keyword"), articleId: z.number().int(), keywords: z.array(z.string()).min(1) }),
  z.object({ type: z.literal("text"), html: z.string().min(1) }),
]);

export type OutboxPayload = z.infer<typeof outboxPayloadSchema>;

export interface OutboxItem {
  id: number;
  chatId: number;
  kind: OutboxKind;
  payload: OutboxPayload;
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface OutboxRow {
  id: number;
  chat_id: number;
  kind: OutboxKind;
  payload: string;
  dedupe_key: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    chatId: row.chat_id,
    kind: row.kind,
    // Checked where it is used (renderOutboxMessage), so one odd row cannot stop a whole listing.
    payload: JSON.parse(row.payload) as OutboxPayload,
    dedupeKey: row.dedupe_key,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export interface NewOutboxItem {
  chatId: number;
  kind: OutboxKind;
  payload: OutboxPayload;
  dedupeKey: string;
}

/**
 * Queues one message unless one with the same dedupe key was ever queued (whatever became of it): this is
 * what keeps one alert per chat and event, and one digest per chat and day. True when a row was added.
 */
export function enqueueMessage(db: Db, item: NewOutboxItem, now: Date): boolean {
  const at = now.toISOString();
  const { changes } = prepareCached(
    db,
    `INSERT INTO outbox (chat_id, kind, payload, dedupe_key, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  ).run(item.chatId, item.kind, JSON.stringify(item.payload), item.dedupeKey, at, at);
  return changes > 0;
}

/**
 * Pending messages due at `now`, oldest first, leaving out any chat whose earlier message is still waiting
 * for its retry time, so a chat never receives its messages out of order.
 */
export function listDueMessages(db: Db, now: Date, limit: number): OutboxItem[] {
  const rows = prepareCached(
    db,
    `SELECT o.* FROM outbox o
        WHERE o.status = 'pending' AND o.next_attempt_at <= @now
          AND NOT EXISTS (SELECT 1 FROM outbox e
                           WHERE e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id
                             AND e.next_attempt_at > @now)
        ORDER BY o.id LIMIT @limit`,
  ).all({ now: now.toISOString(), limit }) as OutboxRow[];
  return rows.map(toItem);
}

/**
 * When the next message can go: the earliest retry time among each chat's first pending message (a chat's
 * later messages wait for its first), or null when nothing is pending.
 */
export function findNextDueAt(db: Db): Date | null {
  const row = prepareCached(
    db,
    `SELECT min(o.next_attempt_at) AS at FROM outbox o
        WHERE o.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.chat_id = o.chat_id AND e.status = 'pending' AND e.id < o.id)`,
  ).get() as { at: string | null };
  return row.at === null ? null : new Date(row.at);
}

export function listOutbox(db: Db, chatId?: number): OutboxItem[] {
  const rows = prepareCached(
    db,
    "SELECT * FROM outbox WHERE @chat IS NULL OR chat_id = @chat ORDER BY id",
  ).all({ chat: chatId ?? null }) as OutboxRow[];
  return rows.map(toItem);
}

export function markSent(db: Db, id: number, now: Date): void {
  prepareCached(
    db,
    "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
  ).run(now.toISOString(), id);
}

/** Holds a message back until the rate limits allow it, without counting an attempt. */
export function postponeMessage(db: Db, id: number, at: Date): void {
  prepareCached(db, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?").run(at.toISOString(), id);
}

/** Schedules another try; `countAttempt` is false for a 429, which is Telegram's pacing, not a failure. */
export function markRetry(db: Db, id: number, at: Date, error: string, countAttempt: boolean): void {
  prepareCached(
    db,
    "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?",
  ).run(at.toISOString(), error, countAttempt ? 1 : 0, id);
}

/** Gives up on a message after an attempt that failed for good. */
export function markFailed(db: Db, id: number, error: string): void {
  prepareCached(
    db,
    "UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1 WHERE id = ?",
  ).run(error, id);
}

/** Gives up on a message without trying it: its chat is gone, or there is nothing left to say. */
export function markDropped(db: Db, id: number, reason: string): void {
  prepareCached(db, "UPDATE outbox SET status = 'dropped', last_error = ? WHERE id = ?").run(reason, id);
}

/** Drops every pending message to a chat that Telegram no longer lets the bot write to. */
export function dropPendingForChat(db: Db, chatId: number, error: string): number {
  return prepareCached(
    db,
    "UPDATE outbox SET status = 'dropped', last_error = ? WHERE chat_id = ? AND status = 'pending'",
  ).run(error, chatId).changes;
}
