/**
 * Discord's message limits, and a validator that checks a message body (API shape, as sent on the
 * wire) against every one of them. Renderers stay inside these by construction; tests use the
 * validator on what actually went out.
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author, summed over all embeds. */
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface LooseEmbed {
  title?: unknown;
  description?: unknown;
  fields?: { name?: unknown; value?: unknown }[];
  footer?: { text?: unknown };
  author?: { name?: unknown };
}

interface LooseComponent {
  type?: unknown;
  custom_id?: unknown;
  label?: unknown;
  components?: LooseComponent[];
}

/** Counts characters as Discord does (code points, not UTF-16 units). */
export function charCount(text: unknown): number {
  return typeof text === "string" ? [...text].length : 0;
}

function checkEmbed(embed: LooseEmbed, at: string, problems: string[]): number {
  const title = charCount(embed.title);
  const description = charCount(embed.description);
  const footer = charCount(embed.footer?.text);
  const author = charCount(embed.author?.name);
  if (title > LIMITS.embedTitle) problems.push(`${at}.title has ${title} > ${LIMITS.embedTitle} characters`);
  if (description > LIMITS.embedDescription)
    problems.push(`${at}.description has ${description} > ${LIMITS.embedDescription} characters`);
  if (footer > LIMITS.footerText)
    problems.push(`${at}.footer.text has ${footer} > ${LIMITS.footerText} characters`);
  if (author > LIMITS.authorName)
    problems.push(`${at}.author.name has ${author} > ${LIMITS.authorName} characters`);
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields)
    problems.push(`${at} has ${fields.length} > ${LIMITS.embedFields} fields`);
  let total = title + description + footer + author;
  fields.forEach((field, i) => {
    const name = charCount(field.name);
    const value = charCount(field.value);
    if (name > LIMITS.fieldName)
      problems.push(`${at}.fields[${i}].name has ${name} > ${LIMITS.fieldName} characters`);
    if (value > LIMITS.fieldValue)
      problems.push(`${at}.fields[${i}].value has ${value} > ${LIMITS.fieldValue} characters`);
    total += name + value;
  });
  return total;
}

function checkComponents(rows: LooseComponent[], problems: string[]): void {
  if (rows.length > LIMITS.actionRows) problems.push(`${rows.length} > ${LIMITS.actionRows} action rows`);
  rows.forEach((row, r) => {
    const children = row.components ?? [];
    if (children.length > LIMITS.buttonsPerRow)
      problems.push(`components[${r}] has ${children.length} > ${LIMITS.buttonsPerRow} buttons`);
    children.forEach((child, c) => {
      const id = charCount(child.custom_id);
      const label = charCount(child.label);
      if (id > LIMITS.customId)
        problems.push(`components[${r}][${c}].custom_id has ${id} > ${LIMITS.customId}`);
      if (label > LIMITS.buttonLabel)
        problems.push(`components[${r}][${c}].label has ${label} > ${LIMITS.buttonLabel}`);
    });
  });
}

/**
 * Every limit a message body breaks; empty when it fits. Accepts a message body or an interaction
 * callback (`{ type, data }`), as sent to Discord.
 *
 * @example
 * validateMessage({ content: "x".repeat(2001) }) // ["content has 2001 > 2000 characters"]
 */
export function validateMessage(body: unknown): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== "object") return problems;
  const record = body as Record<string, unknown>;
  const message = (
    "type" in record && record.data && typeof record.data === "object" ? record.data : record
  ) as Record<string, unknown>;
  const content = charCount(message.content);
  if (content > LIMITS.content) problems.push(`content has ${content} > ${LIMITS.content} characters`);
  const embeds = Array.isArray(message.embeds) ? (message.embeds as LooseEmbed[]) : [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} > ${LIMITS.embeds} embeds`);
  const total = embeds.reduce((sum, embed, i) => sum + checkEmbed(embed, `embeds[${i}]`, problems), 0);
  if (total > LIMITS.embedsTotal) problems.push(`embeds total ${total} > ${LIMITS.embedsTotal} characters`);
  if (Array.isArray(message.components)) checkComponents(message.components as LooseComponent[], problems);
  if (Array.isArray(message.choices)) {
    const choices = message.choices as { name?: unknown; value?: unknown }[];
    if (choices.length > LIMITS.autocompleteChoices)
      problems.push(`${choices.length} > ${LIMITS.autocompleteChoices} autocomplete choices`);
    choices.forEach((choice, i) => {
      if (charCount(choice.name) > LIMITS.choiceName)
        problems.push(`choices[${i}].name is over ${LIMITS.choiceName}`);
      if (charCount(choice.value) > LIMITS.choiceValue)
        problems.push(`choices[${i}].value is over ${LIMITS.choiceValue}`);
    });
  }
  return problems;
}
