/**
 * Errors Parley raises on purpose, kept apart from bugs: a `ParleyError` carries a message meant for
 * the operator or user as it is; anything else is an internal error to log with an id.
 */
export class ParleyError extends Error {
  override name = "ParleyError";
  constructor(message: string) {
    super(message.startsWith("Parley:") ? message : `Parley: ${message}`);
  }
}
