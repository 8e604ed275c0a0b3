import type { Message, MessageEntity, UserFromGetMe } from "telegraf/types";

/**
 * Whether a group message is meant for the bot: a command without a target or with the bot's name
 * (/ask, /ask@rasid_bot), a mention of the bot, or a reply to one of its messages. In a private chat every
 * message is.
 */
export function isAddressedToBot(message: Message, chatType: string, me: UserFromGetMe): boolean {
  if (chatType === "private") return true;
  if (!("text" in message)) return false;
  if ("reply_to_message" in message && message.reply_to_message?.from?.id === me.id) return true;
  const command = readCommand(message.text, message.entities);
  if (command) return command.target === null || command.target.toLowerCase() === me.username.toLowerCase();
  return mentionsBot(message.text, message.entities, me);
}

export function mentionsBot(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): boolean {
  const handle = `@${me.username}`.toLowerCase();
  return (entities ?? []).some(
    (e) => e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle,
  );
}

/** The command a message starts with: `/ask@rasid_bot x` → {name: "ask", target: "rasid_bot"}. */
export function readCommand(
  text: string,
  entities: MessageEntity[] | undefined,
): { name: string; target: string | null } | null {
  const entity = entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return null;
  const [name = "", target] = text.slice(1, entity.length).split("@");
  return { name: name.toLowerCase(), target: target ?? null };
}

/** The question in a message: without the bot's @name, trimmed. */
export function stripMention(text: string, me: UserFromGetMe): string {
  return text
    .replace(new RegExp(`@${me.username}\\b`, "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();
}
