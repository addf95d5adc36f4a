/** A reason an article or feed was not added: one line, shown to the operator or moderator as it is. */
export class IngestError extends Error {
  override name = "IngestError";
}
