/**
 * Reading an interaction from Discord's JSON (the same for the gateway and HTTP): its kind, who and
 * where, options, the focused option, the button's message, and the Manage Server permission that
 * /add depends on.
 */
import { describe, expect, it } from "vitest";
import { parseInteraction, snowflakeTime } from "../../src/discord/interaction.js";
import {
  autocomplete,
  buttonClick,
  MEMBER_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  slashCommand,
} from "../discord-standin/payloads.js";
import { snowflake } from "../discord-standin/snowflake.js";

const place = {
  applicationId: "111111111111111111",
  guildId: "222222222222222222",
  channelId: "333333333333333333",
};
const user = { id: "444444444444444444", username: "tester" };

describe("parseInteraction", () => {
  it("reads a slash command's options, its user, guild and creation time", () => {
    const at = Date.UTC(2025, 0, 15, 12, 0, 0);
    const raw = {
      ...slashCommand(place, user, "quote", { name: "Varga", unclear: true, hide: false }),
      id: snowflake(at),
    };
    const interaction = parseInteraction(raw)!;
    expect(interaction).toMatchObject({
      kind: "command",
      commandName: "quote",
      userId: user.id,
      guildId: place.guildId,
      applicationId: place.applicationId,
      options: { name: "Varga", unclear: true, hide: false },
      customId: null,
      message: null,
      canManageGuild: false,
    });
    expect(interaction.createdTimestamp).toBe(at);
    expect(snowflakeTime("not an id")).toBe(0);
  });

  it("gives Manage Server only to members who have it (or are administrators)", () => {
    const moderator = { ...user, permissions: MODERATOR_PERMISSIONS };
    expect(
      parseInteraction(slashCommand(place, moderator, "add", { url: "https://example.org" }))!.canManageGuild,
    ).toBe(true);
    const admin = { ...user, permissions: String(BigInt(MEMBER_PERMISSIONS) | (1n << 3n)) };
    expect(parseInteraction(slashCommand(place, admin, "add", {}))!.canManageGuild).toBe(true);
    const odd = { ...user, permissions: "not a number" };
    expect(parseInteraction(slashCommand(place, odd, "add", {}))!.canManageGuild).toBe(false);
  });

  it("reads a user outside a guild (a DM) and the focused option of autocomplete", () => {
    const raw = autocomplete(place, user, "who", { name: "Bli" }, "name");
    const { member, guild_id: _guild, ...rest } = raw;
    const dm = { ...rest, user: (member as { user: unknown }).user };
    const interaction = parseInteraction(dm)!;
    expect(interaction).toMatchObject({ kind: "autocomplete", userId: user.id, guildId: null });
    expect(interaction.focused).toEqual({ name: "name", value: "Bli" });
  });

  it("reads a button's custom id and the message it is on: its owner and privacy", () => {
    const raw = buttonClick(place, user, "p2|abcdef|01|0Varga", {
      id: "5",
      ownerId: "666666666666666666",
      flags: 64,
    });
    expect(parseInteraction(raw)).toMatchObject({
      kind: "button",
      customId: "p2|abcdef|01|0Varga",
      commandName: null,
      message: { ownerId: "666666666666666666", ephemeral: true },
    });
  });

  it("marks what Parley does not handle, and refuses what is not an interaction", () => {
    const menu = {
      ...slashCommand(place, user, "who", {}),
      type: 3,
      data: { custom_id: "x", component_type: 3 },
    };
    expect(parseInteraction(menu)!.kind).toBe("other");
    const contextMenu = { ...slashCommand(place, user, "who", {}), data: { name: "Inspect", type: 2 } };
    expect(parseInteraction(contextMenu)!.kind).toBe("other");
    for (const junk of [
      null,
      [],
      "text",
      { id: "1" },
      { id: "1", token: "t" },
      { id: 1, token: "t", type: 2 },
    ])
      expect(parseInteraction(junk)).toBeNull();
  });
});
