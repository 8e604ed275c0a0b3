import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_CORPUS_DIR } from "../../src/cli/context.ts";
import { type Db, openDatabase } from "../../src/db/open.ts";
import { createEngine } from "../../src/engine.ts";
import { loadSharedGazetteer } from "../../src/extraction/shared-gazetteer.ts";
import { listSubscriptions } from "../../src/notifications/subscription-store.ts";
import { answerQuestion } from "../../src/questions/answer-question.ts";
import { createAnswerDeps } from "../../src/questions/question-store.ts";
import { makeTextUpdate, recordApiCalls } from "../bot/bot-harness.ts";
import { makeTestBot } from "../bot/test-deps.ts";

/**
 * Names copied from mixed Arabic/Latin text carry invisible direction marks (RLM U+200F, LRM U+200E, ALM
 * U+061C, isolates U+2066–U+2069) and people add emoji and flags: a question or a subscription about the
 * person must still find them.
 */

const RLM = "\u200F";
const LRM = "\u200E";
const ALM = "\u061C";
const FSI = "\u2068";
const PDI = "\u2069";
const NOW = new Date("2025-07-20T00:00:00Z");

describe("questions with direction marks and emoji around names", () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(":memory:");
    createEngine(db, { now: () => NOW }).importPaths([SEED_CORPUS_DIR]);
  });

  const ask = (question: string) =>
    answerQuestion(createAnswerDeps(db, loadSharedGazetteer()), question, NOW);

  it.each([
    [`متى التقى ${RLM}لافروف${RLM} بكيم جونغ أون؟`, "لافروف", "وونسان"],
    [`متى التقى ${LRM}سيرغي لافروف${LRM} 🇷🇺 بكيم جونغ أون 🇰🇵؟`, "لافروف", "وونسان"],
    [`متى التقى ${FSI}لافروف${PDI} ${ALM}بكيم جونغ أون؟`, "لافروف", "وونسان"],
    [`When did ${LRM}Lavrov${LRM} 🇷🇺 meet ${RLM}Kim Jong Un${RLM}? 🤔`, "Lavrov", "Wonsan"],
    [`😀😀 Where did Kim Jong Un meet Lavrov? ${RLM}`, "Lavrov", "Wonsan"],
  ])("%s finds the meeting", (question, person, place) => {
    const answer = ask(question);
    expect(answer.events.length).toBeGreaterThan(0);
    expect(answer.text).toContain(person);
    expect(answer.text).toContain(place);
  });

  it("says it found nothing, rather than failing, for a question that is only emoji and marks", () => {
    const answer = ask(`🇷🇺🇰🇵 ${RLM}${LRM} 🤝`);
    expect(answer.events).toEqual([]);
    expect(answer.text.length).toBeGreaterThan(0);
  });
});

describe("/subscribe with direction marks and emoji around names", () => {
  let api: ReturnType<typeof recordApiCalls>;
  beforeEach(() => {
    api = recordApiCalls();
  });
  afterEach(() => api.restore());

  it.each([
    [`/subscribe ${RLM}سيرغي لافروف${RLM} daily`, "sergei-lavrov"],
    [`/subscribe ${LRM}سيرغي لافروف${LRM} 🇷🇺 daily`, "sergei-lavrov"],
    [`/subscribe 🇰🇵 ${FSI}كيم جونغ أون${PDI} instant`, "kim-jong-un"],
    [`/subscribe ${RLM}وونسان${RLM} 🏖 both`, "wonsan"],
    [`/subscribe Sergei Lavrov ${LRM}🇷🇺${LRM} daily`, "sergei-lavrov"],
  ])("%s follows %s", async (text, entityId) => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate(text, { userId: 601, languageCode: "en" }));
    expect(listSubscriptions(db, 601)).toMatchObject([{ targetKind: "entity", target: entityId }]);
    expect(api.last().text).toContain("Done: you follow");
  });

  it("keeps a keyword with marks as the same keyword: subscribing again finds it", async () => {
    const { bot, db } = makeTestBot();
    await bot.handleUpdate(makeTextUpdate("/subscribe الصواريخ الفرط صوتية both", { userId: 602 }));
    await bot.handleUpdate(
      makeTextUpdate(`/subscribe ${RLM}الصواريخ${RLM} الفرط صوتية 🚀 both`, { userId: 602 }),
    );
    expect(listSubscriptions(db, 602)).toHaveLength(1);
  });
});
