/**
 * `--json` gives data, not a rendering: every command's output on the shipped article validates
 * against schema/answer.schema.json, and the fields say what the labels only show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { REPO } from "../helpers/run-parley.js";

const schema = JSON.parse(readFileSync(join(REPO, "schema/answer.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface Item {
  text: string;
  citation: { articleId: string; paragraph: number; sentence: number };
  data?: Record<string, unknown> & { kind: string };
}
interface Printed {
  version: number;
  kind: string;
  sections?: { heading: string; items: Item[] }[];
  entity?: { id: string; name: string; roles: string[]; kind: string };
  articles?: { id: string; published: string; paragraphs: number; sentences: number }[];
  asOf?: string;
}

/** `parley ARGS --json` in process, through the same entry as the command line. */
async function json(...args: string[]): Promise<{ code: number; printed: Printed }> {
  let out = "";
  const code = await runCli(
    [...args, "--json", "--no-snapshot", "--knowledge", join(REPO, "knowledge")],
    {},
    {
      out: (text) => {
        out += text;
      },
      err: () => {},
    },
  );
  return { code, printed: JSON.parse(out) as Printed };
}

const COMMANDS = [
  ["who", "Barnea"],
  ["who", "Blinken"],
  ["who", "Hamas"],
  ["who", "nobody-at-all"],
  ["quote", "Blinken"],
  ["quote", "Hamas"],
  ["quote", "Blinken", "about", "ceasefire"],
  ["status"],
  ["status", "talks"],
  ["status", "hostages"],
  ["ask", "when", "will", "talks", "resume"],
  ["sources"],
  ["help"],
];

const outputs = new Map<string, Printed>();
beforeAll(async () => {
  for (const command of COMMANDS) outputs.set(command.join(" "), (await json(...command)).printed);
});

const items = (printed: Printed | undefined): Item[] => printed?.sections?.flatMap((s) => s.items) ?? [];

describe("--json", () => {
  it.each(COMMANDS.map((c) => c.join(" ")))("%s validates against the schema", (command) => {
    const printed = outputs.get(command);
    const valid = validate(printed);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(printed?.version).toBe(2);
  });

  it("the schema rejects an item whose data lost a field", () => {
    const broken = structuredClone(outputs.get("quote Blinken")) as Printed;
    const item = items(broken)[0];
    delete item?.data?.speaker;
    expect(validate(broken)).toBe(false);
  });

  it("who: the entity with its role as written", () => {
    const who = outputs.get("who Barnea");
    expect(who?.entity?.name).toBe("David Barnea");
    expect(who?.entity?.kind).toBe("person");
    expect(who?.entity?.roles.some((role) => /Mossad/.test(role))).toBe(true);
  });

  it("quote: speaker id, type and cue as fields, and the quoted words inside the cited sentence", () => {
    const quoted = items(outputs.get("quote Blinken"));
    expect(quoted.length).toBeGreaterThan(0);
    for (const item of quoted) {
      expect(item.data?.kind).toBe("quote");
      expect((item.data?.speaker as { id: string } | null)?.id).toBe(
        outputs.get("quote Blinken")?.entity?.id,
      );
      expect(["direct", "partial", "indirect"]).toContain(item.data?.type);
      expect(item.text).toContain(String(item.data?.quoted));
      expect(item.data?.published).toBe("2024-10-24");
    }
    expect(quoted.filter((item) => item.data?.type === "direct").length).toBeGreaterThanOrEqual(2);
  });

  it("status: each line's category and date as data; the Doha meeting is dated 27 October", () => {
    const status = outputs.get("status");
    expect(status?.asOf).toBe("2024-10-24");
    const events = items(status);
    expect(events.every((item) => item.data?.kind === "event")).toBe(true);
    const doha = events.find((item) => item.citation.paragraph === 9);
    expect(doha?.data?.date).toMatchObject({ value: "2024-10-27", precision: "day" });
    expect(doha?.data?.place).toBe("Doha");
  });

  it("ask: the matching sentence ids and scores", () => {
    const hits = items(outputs.get("ask when will talks resume"));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      const { articleId, paragraph, sentence } = hit.citation;
      expect(hit.data).toMatchObject({ kind: "match", sentenceId: `${articleId}#${paragraph}.${sentence}` });
      expect(hit.data?.score).toBeGreaterThan(0);
    }
  });

  it("sources: each article's id, ISO date and counts", () => {
    const [article] = outputs.get("sources")?.articles ?? [];
    expect(article).toMatchObject({ id: "2024-10-24-doha-talks", published: "2024-10-24" });
    expect(article?.paragraphs).toBeGreaterThan(5);
    expect(article?.sentences).toBeGreaterThanOrEqual(article?.paragraphs ?? 0);
  });

  it("a user error is versioned too and exits 1", async () => {
    const { code, printed } = await json("who", "nobody-at-all");
    expect(code).toBe(1);
    expect(printed).toMatchObject({ version: 2, kind: "user-error", command: "who" });
  });
});
