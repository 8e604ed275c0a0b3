import { RasidError } from "../errors.ts";

/** The gazetteer data cannot be used: a file is missing, is not JSON, or an entry breaks the schema. */
export class GazetteerError extends RasidError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("gazetteer", message, options);
  }
}
