import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderHtmlForTerminal } from "../../scripts/demo/render-html.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Runs `npm run demo`'s script with the given lines on stdin, then stdin closed. */
function runDemo(args: string[], input: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin", "run.js"), "scripts/demo.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("npm run demo", () => {
  it("answers each piped line through the emulator, taps buttons, and exits when input ends", async () => {
    const { code, output } = await runDemo(
      ["--lang", "en"],
      "/start\n#1\nمتى التقى لافروف بكيم جونغ أون؟\n/subscribe Pyongyang\n#2\n/subscriptions\n",
    );
    expect(code).toBe(0);
    expect(output).toContain("rasid › Hello Demo!");
    expect(output).toContain("[#1] Who met Kim and when?");
    expect(output).toContain("rasid › Kim = Kim Jong Un");
    expect(output).toContain("كيم جونغ أون");
    expect(output).toContain("Done: you follow");
    expect(output).toContain("Daily digest");
    expect(output).not.toContain("<b>");
    expect(output.trimEnd().endsWith("Bye.")).toBe(true);
  });

  it("exits cleanly when stdin is closed at once", async () => {
    const { code, output } = await runDemo([], "");
    expect(code).toBe(0);
    expect(output).toContain("Bye.");
  });
});

describe("renderHtmlForTerminal", () => {
  it.each([
    { html: "<b>راصد</b> &amp; co", plain: "راصد & co", styled: "\x1b[1mراصد\x1b[22m & co" },
    {
      html: '<a href="https://seed.example/a.txt">seed.example</a>',
      plain: "seed.example (https://seed.example/a.txt)",
      styled: "seed.example (https://seed.example/a.txt)",
    },
    { html: "&lt;script&gt; &quot;x&quot;", plain: '<script> "x"', styled: '<script> "x"' },
    { html: "<i>Kim</i><code>x</code>", plain: "Kimx", styled: "\x1b[3mKim\x1b[23mx" },
  ])("$html", ({ html, plain, styled }) => {
    expect(renderHtmlForTerminal(html, false)).toBe(plain);
    expect(renderHtmlForTerminal(html, true)).toBe(styled);
  });
});
