/** A sliding one-minute window per key (a chat): at most `perMinute` takes in any 60 seconds. */
export interface QuestionLimiter {
  /** Records one use and says whether it was within the limit; a refused use is not counted. */
  tryTake(key: string | number): boolean;
}

const WINDOW_MS = 60_000;

export function createQuestionLimiter(perMinute: number, now: () => Date): QuestionLimiter {
  const uses = new Map<string | number, number[]>();
  return {
    tryTake(key) {
      const t = now().getTime();
      const recent = (uses.get(key) ?? []).filter((at) => t - at < WINDOW_MS);
      if (recent.length >= perMinute) {
        uses.set(key, recent);
        return false;
      }
      recent.push(t);
      uses.set(key, recent);
      return true;
    },
  };
}
