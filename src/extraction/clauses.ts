import type { Token } from "../text/normalize.ts";
import { COMPLEMENTIZERS, SPEECH_VERBS } from "./event-lexicon.ts";
import type { Trigger } from "./find-triggers.ts";
import type { PersonMention } from "./mentions.ts";
import { isIn, type SentenceState } from "./sentence-context.ts";

/**
 * Where a sentence's clauses part: reported speech (the speakers between قال/أعلن and أنّ are not the
 * participants of what they report) and relative clauses that describe something else.
 */

export interface SpeechFrame {
  verb: number;
  complementizer: number;
  /** إنه/أنه: the speaker is also the subject of what follows. */
  selfReference: boolean;
}

export function findSpeechFrames(s: SentenceState): SpeechFrame[] {
  const frames: SpeechFrame[] = [];
  s.tokens.forEach((token, i) => {
    if (s.mentions.covered.has(i) || !isIn(SPEECH_VERBS, token)) return;
    for (let j = i + 1; j <= i + 14 && j < s.tokens.length; j++) {
      if (isIn(COMPLEMENTIZERS, s.tokens[j])) {
        frames.push({
          verb: i,
          complementizer: j,
          selfReference: /^(ا|ب)?[اإ]?ن(ه|ها)$/.test(s.tokens[j]?.norm ?? ""),
        });
        return;
      }
    }
  });
  return frames;
}

export function isSilencedSpeaker(p: PersonMention, trigger: Trigger, frames: SpeechFrame[]): boolean {
  return frames.some(
    (f) =>
      p.start > f.verb && p.end <= f.complementizer && trigger.index > f.complementizer && !f.selfReference,
  );
}

const RELATIVES = new Set(["التي", "الذي", "اللذين", "اللتين", "الذين", "اللواتي"]);

/**
 * True when a relative clause opens between the event word and position k, farther than two words
 * from the word: "… اجتماعه مع كيم وشكره على القوات التي جرى نشرها في روسيا" — Russia belongs to
 * the troops, not to the meeting. A clause right on the word ("القمة التي جمعت …") describes it.
 */
export function isBehindClause(tokens: Token[], trigger: number, k: number): boolean {
  const [from, to] = k > trigger ? [trigger + 3, k] : [k + 1, trigger];
  for (let j = from; j < to; j++) {
    if (RELATIVES.has(tokens[j]?.norm ?? "") || isIn(SPEECH_VERBS, tokens[j])) return true;
  }
  return false;
}
