import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runRasid as rasid } from "../cli/run-rasid.ts";

describe("rasid ask (the command line)", () => {
  const db = join(mkdtempSync(join(tmpdir(), "rasid-ask-")), "ask.db");
  beforeAll(() => {
    expect(rasid(["--db", db, "import", join(ROOT, "data", "corpus")]).code).toBe(0);
  });

  it("prints the answer as plain text in the question's language", () => {
    const { code, stdout } = rasid(["--db", db, "ask", "من", "التقى", "كيم", "ومتى؟"]);
    expect(code).toBe(0);
    expect(stdout).toContain("كيم = كيم جونغ أون؛");
    expect(stdout).toContain("سيرغي لافروف");
  });

  it("prints the contract's answer shape with --json", () => {
    const { code, stdout } = rasid(["--db", db, "ask", "--json", "Who met Kim in 2025?"]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["question", "lang", "intent", "text", "events", "articles"]);
    expect(answer).toMatchObject({ question: "Who met Kim in 2025?", lang: "en", intent: "who_met" });
    expect(answer.events[0].participants.map((p: { id: string }) => p.id)).toContain("sergei-lavrov");
    expect(answer.articles[0]).toMatchObject({ id: "s002" });
  });

  it.each([
    ["When did Zorblax meet Kim?", 'I don\'t know "Zorblax"', 'alone, without "Zorblax"'],
    ["متى التقى فلان بكيم؟", "لم أتعرف على «فلان»", "فقط، دون «فلان»"],
  ])("says that %s names someone unknown before answering about the rest", (question, unknown, scope) => {
    const { code, stdout } = rasid(["--db", db, "ask", "--json", question]);
    expect(code).toBe(0);
    const { text } = JSON.parse(stdout) as { text: string };
    expect(text.split("\n")[0]).toContain(unknown);
    expect(text).toContain(scope);
  });

  it("asks for a question when none is given", () => {
    const { code, stderr } = rasid(["--db", db, "ask"]);
    expect(code).toBe(2);
    expect(stderr).toContain("What is the question?");
  });
});
