import type { Context } from "telegraf";
import type { Lang, Messages } from "./i18n.ts";

/** The telegraf context every handler sees: the chat's language and its strings, set by one middleware. */
export interface BotContext extends Context {
  lang: Lang;
  t: Messages;
}
