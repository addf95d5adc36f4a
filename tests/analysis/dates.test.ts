import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, formatDay, parseIsoDay, weekdayOf } from "../../src/analysis/dates/calendar.js";
import { type DateMention, resolveDates } from "../../src/analysis/dates/dates.js";

/** The single mention in `text`, failing the test when there is not exactly one. */
function only(text: string, published: string): DateMention {
  const mentions = resolveDates(text, published);
  expect(mentions, `${text} @ ${published}`).toHaveLength(1);
  return mentions[0]!;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

describe("resolveDates: the shipped article's expressions", () => {
  const published = "2024-10-24"; // a Thursday

  it("reads 'today, Thursday' as the publication day, as one mention", () => {
    const mention = only("Blinken said during a joint press conference, today, Thursday, in Doha", published);
    expect(mention).toMatchObject({ value: "2024-10-24", precision: "day", text: "today, Thursday" });
  });

  it("reads 'next Sunday' on a Thursday as the coming Sunday, not chrono's Sunday after", () => {
    const text = "David Barnea, will go to Doha next Sunday, and will meet with the Director of the CIA";
    const mention = only(text, published);
    expect(mention).toMatchObject({ value: "2024-10-27", precision: "day", relation: "future" });
    expect(text.slice(mention.start, mention.end)).toBe("next Sunday");
  });

  it("reads 'last August' as a month, not its first day", () => {
    expect(
      only("the negotiations stopped last August without reaching an agreement", published),
    ).toMatchObject({ value: "2024-08", precision: "month", relation: "past", text: "last August" });
  });

  it("reads 'May 31' without a year as the nearest May 31, before publication", () => {
    expect(
      only(
        "the ceasefire plan proposed by US President Joe Biden on May 31 is still on the table",
        published,
      ),
    ).toMatchObject({ value: "2024-05-31", precision: "day", relation: "past" });
  });

  it("keeps 'since' with an explicit date", () => {
    expect(only("the ongoing war in Gaza, since October 7, 2023, has left", published)).toMatchObject({
      value: "2023-10-07",
      precision: "day",
      relation: "past",
      text: "since October 7, 2023",
    });
  });

  it("reads 'the coming days' as a future without a date", () => {
    expect(only("I expect our negotiators to meet in the coming days.", published)).toMatchObject({
      value: null,
      precision: "unknown",
      relation: "future",
    });
  });

  it("reads 'during the past two days' as an approximate past period ending at publication", () => {
    expect(only("officials met in Doha during the past two days, but", published)).toMatchObject({
      precision: "approx",
      relation: "past",
      text: "during the past two days",
      range: { from: "2024-10-22", to: "2024-10-24" },
    });
  });
});

describe("resolveDates: next/last <weekday> from every weekday", () => {
  // 2024-10-20 is a Sunday: publish on each day of that week.
  const week = Array.from({ length: 7 }, (_, offset) => addDays(parseIsoDay("2024-10-20"), offset));

  for (const publishedDay of week) {
    const published = formatDay(publishedDay);
    for (const [target, name] of WEEKDAYS.entries()) {
      it(`next ${name} said on ${WEEKDAYS[weekdayOf(publishedDay)]} is 1-7 days ahead and a ${name}`, () => {
        const mention = only(`The envoy will travel next ${name}.`, published);
        const resolved = parseIsoDay(mention.value!);
        const ahead =
          (Date.UTC(resolved.year, resolved.month - 1, resolved.day) -
            Date.UTC(publishedDay.year, publishedDay.month - 1, publishedDay.day)) /
          86_400_000;
        expect(weekdayOf(resolved)).toBe(target);
        expect(ahead).toBeGreaterThanOrEqual(1);
        expect(ahead).toBeLessThanOrEqual(7);
        expect(mention.precision).toBe("day");
      });
      it(`last ${name} said on ${WEEKDAYS[weekdayOf(publishedDay)]} is 1-7 days back`, () => {
        const mention = only(`The envoy arrived last ${name}.`, published);
        const resolved = parseIsoDay(mention.value!);
        const back =
          (Date.UTC(publishedDay.year, publishedDay.month - 1, publishedDay.day) -
            Date.UTC(resolved.year, resolved.month - 1, resolved.day)) /
          86_400_000;
        expect(weekdayOf(resolved)).toBe(target);
        expect(back).toBeGreaterThanOrEqual(1);
        expect(back).toBeLessThanOrEqual(7);
      });
    }
  }
});

describe("resolveDates: bare weekdays follow the tense of their clause", () => {
  const published = "2024-10-24"; // Thursday

  it("past: 'met on Monday' is the Monday before", () => {
    expect(only("The delegations met on Monday in Cairo.", published).value).toBe("2024-10-21");
  });
  it("future: 'will meet on Monday' is the Monday after", () => {
    expect(only("The delegations will meet on Monday in Cairo.", published).value).toBe("2024-10-28");
  });
  it("the publication's own weekday in the past is that day", () => {
    expect(only("The talks ended on Thursday.", published).value).toBe("2024-10-24");
  });
  it("an explicit date beats the weekday rule", () => {
    expect(only("The talks opened on Monday, Oct. 21 in Doha.", published)).toMatchObject({
      value: "2024-10-21",
      precision: "day",
      text: "on Monday, Oct. 21",
    });
  });
});

describe("resolveDates: last/next <month> around the publication month", () => {
  it("last August, published in October, is the same year", () => {
    expect(only("Talks stopped last August.", "2024-10-24").value).toBe("2024-08");
  });
  it("last August, published in August, is the year before", () => {
    expect(only("Talks stopped last August.", "2024-08-15").value).toBe("2023-08");
  });
  it("last November, published in October, is the year before", () => {
    expect(only("Talks stopped last November.", "2024-10-24").value).toBe("2023-11");
  });
  it("next March, published in October, is the next year", () => {
    expect(only("Elections are due next March.", "2024-10-24")).toMatchObject({
      value: "2025-03",
      precision: "month",
      relation: "future",
    });
  });
});

describe("resolveDates: weeks, years and dates without a year", () => {
  it("'this week' is the Monday-Sunday week of publication, precision week, valued by its Monday", () => {
    expect(only("Mediators met this week.", "2024-10-24")).toMatchObject({
      value: "2024-10-21",
      precision: "week",
      range: { from: "2024-10-21", to: "2024-10-27" },
    });
  });
  it("'over the weekend' is the last weekend for what happened and the next for what will", () => {
    expect(only("They met over the weekend.", "2024-10-24")).toMatchObject({
      precision: "approx",
      range: { from: "2024-10-19", to: "2024-10-20" },
    });
    expect(only("They will meet over the weekend.", "2024-10-24")).toMatchObject({
      range: { from: "2024-10-26", to: "2024-10-27" },
    });
  });

  it("leaves trailing punctuation out of the mention", () => {
    expect(only("The talks, which began in January, stalled.", "2024-10-24").text).toBe("January");
  });

  it("'last week' is the whole previous week, precision week", () => {
    expect(only("Mediators met last week.", "2024-10-24")).toMatchObject({
      value: "2024-10-14",
      precision: "week",
      relation: "past",
      range: { from: "2024-10-14", to: "2024-10-20" },
    });
  });
  it("explicit years are kept, with day, month or year precision", () => {
    expect(only("The truce began on January 19, 2025.", "2024-10-24")).toMatchObject({
      value: "2025-01-19",
      precision: "day",
      relation: "future",
    });
    expect(only("A first truce held in November 2023.", "2024-10-24")).toMatchObject({
      value: "2023-11",
      precision: "month",
    });
    expect(only("Talks first began in 2023.", "2024-10-24")).toMatchObject({
      value: "2023",
      precision: "year",
    });
  });
  it("a date without a year in a future clause is the next one", () => {
    expect(only("He will travel on May 3.", "2024-10-24").value).toBe("2025-05-03");
  });
  it("a date without a year in a past clause is the previous one", () => {
    expect(only("The envoy arrived on Nov. 2.", "2024-10-24").value).toBe("2023-11-02");
  });
  it("a date without a year and no tense is the nearest one (across the new year)", () => {
    expect(only("The deadline is January 5.", "2024-12-20").value).toBe("2025-01-05");
  });
  it("does not read verbs, counts or ordinals as dates", () => {
    expect(resolveDates("Protesters will march on the embassy.", "2024-10-24")).toEqual([]);
    expect(resolveDates("more than 143,000 Palestinians and 10,000 missing", "2024-10-24")).toEqual([]);
    expect(resolveDates("his visit to the region for the 11th time", "2024-10-24")).toEqual([]);
    expect(resolveDates("Hamas may accept the deal.", "2024-10-24")).toEqual([]);
  });
  it("does not slip a day whatever the time zone (works on calendar parts)", () => {
    expect(only("It happened yesterday.", "2024-01-01")).toMatchObject({
      value: "2023-12-31",
      precision: "day",
    });
  });
});

describe("resolveDates: what chrono would misread in news text", () => {
  it("does not read newspaper names as times of day", () => {
    expect(resolveDates("Rosen told the Evening Standard that talks would resume.", "2024-10-24")).toEqual(
      [],
    );
  });
  it("reads 'the end of the month' as an approximate period, not a day", () => {
    expect(only("Talks will resume before the end of the month.", "2024-10-24")).toMatchObject({
      value: "2024-10-31",
      precision: "approx",
      range: { from: "2024-10-25", to: "2024-10-31" },
    });
  });
});

describe("resolveDates: properties over many publication dates", () => {
  const publishedDates = fc
    .integer({
      min: dayNumber({ year: 1995, month: 1, day: 1 }),
      max: dayNumber({ year: 2040, month: 12, day: 31 }),
    })
    .map((day) => formatDay(addDays({ year: 1970, month: 1, day: 1 }, day)));
  const sentences = fc.constantFrom(
    "Talks resumed today, Thursday, in Doha.",
    "The envoy will go to Cairo next Sunday and return last Friday's draft.",
    "The negotiations stopped last August without reaching an agreement.",
    "The plan proposed on May 31 is still on the table, officials said yesterday.",
    "Officials met during the past two days and expect to meet in the coming days.",
    "Since October 7, 2023, the war has left thousands dead; talks began in 2024.",
    "Mediators met this week and will meet again next week, before the end of the month.",
    "Rosen told the Evening Standard on Monday, Oct. 21 that talks would resume on 2024-11-02.",
  );

  it("every mention is an exact slice of the text, with a well-formed value and precision", () => {
    fc.assert(
      fc.property(sentences, publishedDates, (text, published) => {
        for (const mention of resolveDates(text, published)) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          if (mention.precision === "day") expect(mention.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (mention.precision === "month") expect(mention.value).toMatch(/^\d{4}-\d{2}$/);
          if (mention.precision === "year") expect(mention.value).toMatch(/^\d{4}$/);
          if (mention.value === null) expect(["unknown", "n/a"]).toContain(mention.precision);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on jumbled date words, and every day it gives is a real calendar day", () => {
    const words = fc.constantFrom(
      ...[
        "on",
        "Monday",
        "next",
        "last",
        "this",
        "week",
        "weekend",
        "today,",
        "Thursday",
        "May",
        "31",
        "Feb.",
      ],
      ...["30", "2024", "in", "since", "October", "7,", "the", "coming", "past", "two", "days", "ago"],
      ...[
        "yesterday",
        "end",
        "of",
        "month",
        "13/45/2024",
        "2024-02-30",
        "will",
        "met",
        "“",
        "”",
        ",",
        "1999",
      ],
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 14 }), publishedDates, (parts, published) => {
        const text = parts.join(" ");
        for (const mention of resolveDates(text, published)) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          // A real day survives normalisation: "2024-02-30" would come back as "2024-03-01".
          if (mention.precision === "day" && mention.value)
            expect(formatDay(parseIsoDay(mention.value))).toBe(
              formatDay(addDays(parseIsoDay(mention.value), 0)),
            );
          if (mention.precision === "month") expect(mention.value).toMatch(/^\d{4}-(?:0[1-9]|1[0-2])$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("'next <weekday>' is always 1-7 days ahead, across month and year ends", () => {
    fc.assert(
      fc.property(publishedDates, fc.constantFrom(...WEEKDAYS), (published, name) => {
        const mention = only(`They will meet next ${name}.`, published);
        const ahead = dayNumber(parseIsoDay(mention.value!)) - dayNumber(parseIsoDay(published));
        expect(ahead).toBeGreaterThanOrEqual(1);
        expect(ahead).toBeLessThanOrEqual(7);
        expect(WEEKDAYS[weekdayOf(parseIsoDay(mention.value!))]).toBe(name);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same dates in every time zone", () => {
    const original = process.env.TZ;
    const resolveIn = (zone: string) => {
      process.env.TZ = zone;
      return sentencesList.map((text) => resolveDates(text, "2024-12-31"));
    };
    const sentencesList = [
      "Talks resumed today, Thursday.",
      "They met yesterday and will meet on Monday.",
      "The truce began on January 19, 2025, and talks stopped last August.",
      "Officials met during the past two days.",
    ];
    try {
      const reference = resolveIn("UTC");
      expect(resolveIn("Pacific/Kiritimati")).toEqual(reference); // UTC+14
      expect(resolveIn("Pacific/Pago_Pago")).toEqual(reference); // UTC-11
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("resolveDates: the tense of a weekday's clause, as wire copy writes it", () => {
  // Each published on a day whose bare weekday in the past would be a different date.
  const cases: Array<[string, string, string]> = [
    ["2025-02-07", "The second group of hostages may be freed on Saturday.", "2025-02-08"],
    [
      "2015-12-22",
      "He will be charged over the attack Sunday evening that left one person dead.",
      "2015-12-20",
    ],
    ["2016-03-03", "By Thursday afternoon, the envoy had met both delegations.", "2016-03-03"],
    [
      "2025-09-11",
      "Hamas presented a revised proposal on Wednesday that would free ten hostages.",
      "2025-09-10",
    ],
    ["2025-02-24", "The first phase ends on Saturday, mediators said.", "2025-03-01"],
    ["2025-02-28", "Two senior officials are travelling to Cairo on Sunday.", "2025-03-02"],
    [
      "2025-02-09",
      "A delegation led by the intelligence chief will fly to Cairo on Wednesday.",
      "2025-02-12",
    ],
    ["2025-02-26", "Hamas said it had released the last living hostages on Saturday.", "2025-02-22"],
    ["2025-02-27", "The security cabinet convened Thursday to discuss the list.", "2025-02-27"],
  ];
  for (const [published, text, value] of cases) {
    it(`${text} (${published}) -> ${value}`, () => {
      expect(only(text, published).value).toBe(value);
    });
  }
});
