/** A mention as one paragraph's reading finds it (names.ts), before mentions are clustered. */

export type RawKind = "person" | "organisation" | "place" | "single" | "role";

export interface RawMention {
  paragraph: number;
  /** Token range [from, to) of the mention as written (role included for "US President Joe Biden"). */
  from: number;
  to: number;
  /** Verbatim mention. */
  text: string;
  kind: RawKind;
  /** The name as written, without the role (people: honorific kept, "Mr." dropped). */
  name: string;
  /** Name words without honorifics or courtesy titles, for matching. */
  nameWords: string[];
  /** Role phrase as written, if one is attached. */
  role: string | null;
  gender: "m" | "f" | null;
  /** A bracketed short name right after it: "Islamic Resistance Movement (Hamas)". */
  alias: string | null;
  /** For a body tied to someone: the owner's mention (its entity is resolved later). */
  owner: RawMention | null;
  /** Country or body named in the role, for the affiliation. */
  affiliation: string | null;
  /** False when a preposition comes right before it (so it cannot be a clause subject). */
  subjectPosition: boolean;
  inQuote: boolean;
  /** In a headline or subheading (chunks.ts `isHeadline`): it may join a name, never start one. */
  headline: boolean;
}
