/**
 * The date table of issue 12 (data only; the test is tests/dates/date-table.test.ts, the scorer
 * eval/score-date-table.ts). Written before any rule change and frozen: do not edit rows to fit the code.
 *
 * One row a line: published | sentence | expression | value | precision | range | kind | dates the event?
 * - `published`: the article's date (all seven weekdays appear); `expression`: the date words as written.
 * - `value`: YYYY-MM-DD, YYYY-MM or YYYY, `-` for none; `precision`: day, week, month, year, approx or
 *   unknown (a future with no date: "in the coming days"); `range`: first..last day, for week and approx.
 * - The last column is `event` when the expression dates the sentence's own event, `other` when it sits
 *   in a background clause or a quotation that is not the event's clause (it still resolves to its value).
 *
 * Newsroom meanings (weeks run Monday to Sunday):
 * - a bare weekday in a future clause and "next <weekday>": the coming one, 1-7 days ahead ("next Sunday"
 *   on Thursday 24 October 2024 = 27 October); in a past clause: the most recent one, 0-6 days back
 *   (wire copy names today by its weekday: "said on Thursday" in Thursday's paper is today);
 *   "last <weekday>": 1-7 days back; "this <weekday>": that day of the current week.
 * - "next/this/last week": that Monday-Sunday week, precision week, value its Monday;
 *   "late last week" = Thursday-Sunday of last week, "early last week" = Monday-Wednesday,
 *   "earlier this week" = Monday to the day before, "later this week" = the day after to Sunday,
 *   "this weekend" = this week's Saturday-Sunday, "over the weekend" in a past clause = the last one.
 * - "next/this/last month|year": month or year; "last August": the most recent August before this month;
 *   a month or day without a year: the next one in a future clause, the previous one in a past clause.
 * - "the past N days|weeks": approx, from N days (weeks) before to the publication day, as the seed has it.
 * - "tonight", "this morning", "this evening", "today": the publication day; "last night": the day before.
 */
export type TablePrecision = "day" | "week" | "month" | "year" | "approx" | "unknown";

export interface DateRow {
  published: string;
  sentence: string;
  expression: string | null;
  value: string | null;
  precision: TablePrecision;
  range?: { from: string; to: string };
  kind: string;
  /** False when the expression is in a background clause or a quotation that is not the event's clause. */
  datesEvent: boolean;
}

const TABLE = `
# weekday-future
2024-10-23 | The truce will begin on Sunday, the mediators said. | on Sunday | 2024-10-27 | day | - | weekday-future | event
2024-10-25 | The envoy is expected back in the capital Friday. | Friday | 2024-11-01 | day | - | weekday-future | event
2024-10-21 | The team will hold talks in Cairo on Tuesday. | on Tuesday | 2024-10-22 | day | - | weekday-future | event
2024-10-24 | The cabinet is due to vote on the agreement on Saturday. | on Saturday | 2024-10-26 | day | - | weekday-future | event
2024-10-26 | Delegations are set to arrive in Doha on Monday. | on Monday | 2024-10-28 | day | - | weekday-future | event
2024-10-27 | The foreign minister will fly to Amman on Wednesday for consultations. | on Wednesday | 2024-10-30 | day | - | weekday-future | event
2024-10-22 | Mediators plan to present the new draft on Thursday. | on Thursday | 2024-10-24 | day | - | weekday-future | event
2025-01-17 | The exchange of prisoners is scheduled to take place on Sunday. | on Sunday | 2025-01-19 | day | - | weekday-future | event
2025-01-15 | The security cabinet is expected to meet Thursday to approve the deal. | Thursday | 2025-01-16 | day | - | weekday-future | event
2025-12-30 | The spokesman said the next round would open on Friday. | on Friday | 2026-01-02 | day | - | weekday-future | event
2025-03-02 | A senior delegation will travel to the capital on Tuesday. | on Tuesday | 2025-03-04 | day | - | weekday-future | event
2025-05-31 | The parties are to resume contacts on Saturday, an official said. | on Saturday | 2025-06-07 | day | - | weekday-future | event
2024-10-23 | Officials said the first hostages could be freed as early as Monday. | Monday | 2024-10-28 | day | - | weekday-future | event
2025-01-13 | The deadline for a reply is Wednesday, the mediators said. | Wednesday | 2025-01-15 | day | - | weekday-future | event
2024-10-24 | The ceasefire is expected to take effect on Friday morning. | on Friday morning | 2024-10-25 | day | - | weekday-future | event
2024-10-25 | Negotiators will reconvene on Sunday evening in Doha. | on Sunday evening | 2024-10-27 | day | - | weekday-future | event
2025-01-02 | The minister will brief parliament on Monday about the talks. | on Monday | 2025-01-06 | day | - | weekday-future | event
2024-02-28 | The envoy is scheduled to land in Cairo on Thursday. | on Thursday | 2024-02-29 | day | - | weekday-future | event
2024-03-01 | Both teams are expected to sign the text on Tuesday. | on Tuesday | 2024-03-05 | day | - | weekday-future | event
2024-10-21 | The talks will go on until Friday, a diplomat said. | until Friday | 2024-10-25 | day | - | weekday-future | event
# weekday-past
2024-10-24 | The agreement was sealed on Tuesday night after hours of talks. | on Tuesday night | 2024-10-22 | day | - | weekday-past | event
2024-10-23 | The group turned down the offer on Sunday evening. | on Sunday evening | 2024-10-20 | day | - | weekday-past | event
2024-10-22 | The mediators met the two delegations on Monday. | on Monday | 2024-10-21 | day | - | weekday-past | event
2024-10-26 | Hamas handed its reply to the mediators on Friday. | on Friday | 2024-10-25 | day | - | weekday-past | event
2024-10-27 | The envoy arrived in Doha on Saturday. | on Saturday | 2024-10-26 | day | - | weekday-past | event
2024-10-21 | The cabinet approved the plan on Sunday after a long debate. | on Sunday | 2024-10-20 | day | - | weekday-past | event
2024-10-25 | Israeli officials said on Wednesday that the talks had stalled. | on Wednesday | 2024-10-23 | day | - | weekday-past | event
2024-10-24 | The prime minister said on Thursday that he would send a team. | on Thursday | 2024-10-24 | day | - | weekday-past | event
2025-01-15 | Two hostages were released on Monday. | on Monday | 2025-01-13 | day | - | weekday-past | event
2025-01-17 | The talks collapsed Tuesday when one side walked out. | Tuesday | 2025-01-14 | day | - | weekday-past | event
2025-12-30 | The spokesman told reporters on Sunday that no date had been set. | on Sunday | 2025-12-28 | day | - | weekday-past | event
2025-03-02 | The delegation was recalled on Friday. | on Friday | 2025-02-28 | day | - | weekday-past | event
2025-05-31 | The ministers held a call on Thursday afternoon. | on Thursday afternoon | 2025-05-29 | day | - | weekday-past | event
2025-01-02 | Mediators submitted a revised text on Monday. | on Monday | 2024-12-30 | day | - | weekday-past | event
2024-02-28 | The prisoners were freed on Tuesday, officials confirmed. | on Tuesday | 2024-02-27 | day | - | weekday-past | event
2024-03-01 | The truce expired on Wednesday at dawn. | on Wednesday | 2024-02-28 | day | - | weekday-past | event
2025-01-13 | The group rejected the proposal on Saturday, calling it a trap. | on Saturday | 2025-01-11 | day | - | weekday-past | event
2024-10-23 | Talks resumed in Cairo on Wednesday after a two-week pause. | on Wednesday | 2024-10-23 | day | - | weekday-past | event
2025-01-17 | The mediators announced the deal late on Wednesday. | late on Wednesday | 2025-01-15 | day | - | weekday-past | event
2024-10-26 | The two leaders spoke by phone on Thursday night. | on Thursday night | 2024-10-24 | day | - | weekday-past | event
# next-weekday
2024-10-24 | The Mossad chief will go to Doha next Sunday. | next Sunday | 2024-10-27 | day | - | next-weekday | event
2024-10-21 | The mediators will meet again next Friday. | next Friday | 2024-10-25 | day | - | next-weekday | event
2024-10-26 | A new round is expected next Tuesday. | next Tuesday | 2024-10-29 | day | - | next-weekday | event
2024-10-27 | The cabinet will vote next Sunday. | next Sunday | 2024-11-03 | day | - | next-weekday | event
2025-01-15 | The envoy will return to the region next Monday. | next Monday | 2025-01-20 | day | - | next-weekday | event
2025-12-30 | The talks are to resume next Thursday. | next Thursday | 2026-01-01 | day | - | next-weekday | event
2024-10-22 | The first exchange could take place next Wednesday. | next Wednesday | 2024-10-23 | day | - | next-weekday | event
2025-05-31 | Egypt will host both sides next Saturday. | next Saturday | 2025-06-07 | day | - | next-weekday | event
2024-10-25 | The round has been pushed back to next Thursday. | next Thursday | 2024-10-31 | day | - | next-weekday | event
2025-03-02 | The deadline falls next Friday, officials said. | next Friday | 2025-03-07 | day | - | next-weekday | event
# this-weekday
2024-10-26 | The envoy will return this Sunday to oversee the truce. | this Sunday | 2024-10-27 | day | - | this-weekday | event
2024-10-21 | The foreign ministers will meet this Thursday. | this Thursday | 2024-10-24 | day | - | this-weekday | event
2024-10-24 | The negotiators met this Monday in Cairo. | this Monday | 2024-10-21 | day | - | this-weekday | event
2025-01-15 | The cabinet will take up the proposal this Friday. | this Friday | 2025-01-17 | day | - | this-weekday | event
2025-01-17 | The group sent its answer this Tuesday. | this Tuesday | 2025-01-14 | day | - | this-weekday | event
2024-10-22 | The exchange is planned for this Saturday. | this Saturday | 2024-10-26 | day | - | this-weekday | event
# last-weekday
2024-10-24 | Negotiators last met in Doha last Sunday. | last Sunday | 2024-10-20 | day | - | last-weekday | event
2024-10-23 | The minister said last Tuesday that he opposed the deal. | last Tuesday | 2024-10-22 | day | - | last-weekday | event
2024-10-21 | The talks broke down last Friday. | last Friday | 2024-10-18 | day | - | last-weekday | event
2024-10-27 | The two sides exchanged drafts last Thursday. | last Thursday | 2024-10-24 | day | - | last-weekday | event
2025-01-13 | The offer was rejected last Monday. | last Monday | 2025-01-06 | day | - | last-weekday | event
2025-12-30 | The prisoners were freed last Saturday. | last Saturday | 2025-12-27 | day | - | last-weekday | event
2025-05-31 | Mediators presented the plan last Wednesday. | last Wednesday | 2025-05-28 | day | - | last-weekday | event
2024-03-01 | The envoy left the region last Sunday. | last Sunday | 2024-02-25 | day | - | last-weekday | event
# week
2024-10-24 | A new round of talks will be held next week. | next week | 2024-10-28 | week | 2024-10-28..2024-11-03 | week | event
2024-10-27 | The delegation is expected in Cairo next week. | next week | 2024-10-28 | week | 2024-10-28..2024-11-03 | week | event
2025-01-13 | The cabinet will debate the plan next week. | next week | 2025-01-20 | week | 2025-01-20..2025-01-26 | week | event
2024-10-21 | The talks will take place this week, the mediators said. | this week | 2024-10-21 | week | 2024-10-21..2024-10-27 | week | event
2025-05-31 | The envoy visited three capitals this week. | this week | 2025-05-26 | week | 2025-05-26..2025-06-01 | week | event
2024-10-23 | The parties exchanged proposals last week. | last week | 2024-10-14 | week | 2024-10-14..2024-10-20 | week | event
2025-01-17 | The delegation was recalled last week. | last week | 2025-01-06 | week | 2025-01-06..2025-01-12 | week | event
2025-12-30 | Talks stalled last week over the border corridor. | last week | 2025-12-22 | week | 2025-12-22..2025-12-28 | week | event
2024-10-22 | The ceasefire should take effect by the end of next week. | next week | 2024-10-28 | week | 2024-10-28..2024-11-03 | week | event
2024-02-28 | Mediators hope to close the gaps this week. | this week | 2024-02-26 | week | 2024-02-26..2024-03-03 | week | event
# late-last-week
2024-10-25 | The group rejected the offer late last week. | late last week | 2024-10-17 | approx | 2024-10-17..2024-10-20 | late-last-week | event
2024-10-22 | Officials met late last week to review the draft. | late last week | 2024-10-17 | approx | 2024-10-17..2024-10-20 | late-last-week | event
2025-01-15 | The envoy arrived in the region late last week. | late last week | 2025-01-09 | approx | 2025-01-09..2025-01-12 | late-last-week | event
# early-last-week
2024-10-24 | The talks had stalled early last week. | early last week | 2024-10-14 | approx | 2024-10-14..2024-10-16 | early-last-week | event
# earlier-this-week
2024-10-24 | The two sides met earlier this week in Cairo. | earlier this week | 2024-10-21 | approx | 2024-10-21..2024-10-23 | earlier-this-week | event
2024-10-27 | Israeli officials said earlier this week that gaps remained. | earlier this week | 2024-10-21 | approx | 2024-10-21..2024-10-26 | earlier-this-week | event
2025-01-17 | The cabinet met earlier this week to discuss the draft. | earlier this week | 2025-01-13 | approx | 2025-01-13..2025-01-16 | earlier-this-week | event
# later-this-week
2024-10-22 | The group is expected to reply later this week. | later this week | 2024-10-23 | approx | 2024-10-23..2024-10-27 | later-this-week | event
2025-01-13 | A vote could come later this week. | later this week | 2025-01-14 | approx | 2025-01-14..2025-01-19 | later-this-week | event
# weekend
2024-10-23 | Both teams will travel to Doha this weekend. | this weekend | 2024-10-26 | approx | 2024-10-26..2024-10-27 | weekend | event
2024-10-21 | The envoy held talks in Cairo over the weekend. | over the weekend | 2024-10-19 | approx | 2024-10-19..2024-10-20 | weekend | event
2025-01-15 | The prisoners were moved over the weekend. | over the weekend | 2025-01-11 | approx | 2025-01-11..2025-01-12 | weekend | event
# month
2024-10-24 | Negotiations stopped last August without an agreement. | last August | 2024-08 | month | - | month | event
2025-01-15 | The talks collapsed last November. | last November | 2024-11 | month | - | month | event
2025-09-12 | The only earlier truce collapsed last December. | last December | 2024-12 | month | - | month | event
2024-10-24 | Qatar will resume its mediation this month. | this month | 2024-10 | month | - | month | event
2025-01-17 | The first phase is due to end this month. | this month | 2025-01 | month | - | month | event
2024-10-27 | Talks on the second phase will open next month. | next month | 2024-11 | month | - | month | event
2025-12-30 | A donor conference will be held next month. | next month | 2026-01 | month | - | month | event
2024-10-22 | The envoy presented the plan last month. | last month | 2024-09 | month | - | month | event
2025-01-02 | The truce broke down last month. | last month | 2024-12 | month | - | month | event
2025-05-31 | Negotiations stopped in July after a dispute over the corridor. | in July | 2024-07 | month | - | month | event
2025-09-01 | Negotiations stopped in July after a dispute over the corridor. | in July | 2025-07 | month | - | month | event
2024-10-24 | A new government is expected to take office in March. | in March | 2025-03 | month | - | month | event
# earlier-this-month
2024-10-23 | The group rejected a new proposal earlier this month. | earlier this month | 2024-10-01 | approx | 2024-10-01..2024-10-22 | earlier-this-month | event
# later-this-month
2025-01-17 | The cabinet will vote later this month on the second phase. | later this month | 2025-01-18 | approx | 2025-01-18..2025-01-31 | later-this-month | event
# year
2025-10-25 | An earlier truce collapsed last year. | last year | 2024 | year | - | year | event
2024-10-21 | The talks began last year in Cairo. | last year | 2023 | year | - | year | event
2025-10-26 | A reconstruction conference is planned for next year. | next year | 2026 | year | - | year | event
2024-10-24 | Elections are due next year. | next year | 2025 | year | - | year | event
2025-03-02 | The mediators hope for a permanent deal this year. | this year | 2025 | year | - | year | event
2024-10-23 | The envoy has visited the region eight times this year. | this year | 2024 | year | - | year | event
2024-10-25 | The two sides last met face to face in 2023. | in 2023 | 2023 | year | - | year | event
# tomorrow
2024-10-24 | The talks are expected to continue tomorrow. | tomorrow | 2024-10-25 | day | - | tomorrow | event
2024-10-26 | The envoy will arrive in Cairo tomorrow. | tomorrow | 2024-10-27 | day | - | tomorrow | event
2025-12-30 | The ceasefire will begin tomorrow at noon. | tomorrow | 2025-12-31 | day | - | tomorrow | event
2024-10-27 | The mediators' deadline expires tomorrow. | tomorrow | 2024-10-28 | day | - | tomorrow | event
# tonight
2025-01-17 | The cabinet will meet tonight to approve the deal. | tonight | 2025-01-17 | day | - | tonight | event
2024-10-21 | The envoy will arrive in Israel tonight. | tonight | 2024-10-21 | day | - | tonight | event
2024-10-23 | The first prisoners are to be freed tonight. | tonight | 2024-10-23 | day | - | tonight | event
# today
2025-05-31 | The ministers will speak by phone this evening. | this evening | 2025-05-31 | day | - | today | event
2024-10-24 | Blinken said during a press conference, today, Thursday, that talks would resume. | today, Thursday | 2024-10-24 | day | - | today | event
2024-10-25 | The security cabinet met this morning. | this morning | 2024-10-25 | day | - | today | event
2025-01-15 | The envoy is meeting the prime minister today. | today | 2025-01-15 | day | - | today | event
# yesterday
2024-10-22 | Israeli officials accused Hamas yesterday of delaying the handover. | yesterday | 2024-10-21 | day | - | yesterday | event
2025-03-02 | The two delegations met yesterday in Cairo. | yesterday | 2025-03-01 | day | - | yesterday | event
2024-10-26 | The cabinet approved the deal last night. | last night | 2024-10-25 | day | - | yesterday | event
# explicit
2025-01-13 | Mediators want a deal before the inauguration on January 20. | on January 20 | 2025-01-20 | day | - | explicit | event
2024-12-30 | Mediators want a deal before the inauguration on January 20. | on January 20 | 2025-01-20 | day | - | explicit | event
2025-10-26 | Mediators have set a deadline of November 15 for a new truce. | November 15 | 2025-11-15 | day | - | explicit | event
2025-10-26 | US officials want an agreement before the summit on November 3. | on November 3 | 2025-11-03 | day | - | explicit | event
2024-10-24 | The ceasefire plan proposed by the president on May 31 is still on the table. | on May 31 | 2024-05-31 | day | - | explicit | event
2025-09-28 | The last round ended on September 12 without an agreement. | on September 12 | 2025-09-12 | day | - | explicit | event
2025-01-02 | The talks collapsed on December 28 after a dispute over names. | on December 28 | 2024-12-28 | day | - | explicit | event
2025-12-30 | The second phase will begin on January 5. | on January 5 | 2026-01-05 | day | - | explicit | event
2024-10-21 | The truce took effect on October 12, 2024. | on October 12, 2024 | 2024-10-12 | day | - | explicit | event
# background
2025-03-02 | The first phase, which began on January 19, ended on Saturday. | on Saturday | 2025-03-01 | day | - | background | event
2025-03-02 | The first phase, which began on January 19, ended on Saturday. | on January 19 | 2025-01-19 | day | - | background | other
# explicit
2024-02-28 | The envoy will return on March 4. | on March 4 | 2024-03-04 | day | - | explicit | event
2024-03-01 | The proposal was sent to the group on February 29. | on February 29 | 2024-02-29 | day | - | explicit | event
# range
2024-10-24 | Qatari officials met Hamas officials in Doha during the past two days. | during the past two days | 2024-10-22 | approx | 2024-10-22..2024-10-24 | range | event
2025-09-25 | Mediators held meetings with both sides during the past two days. | during the past two days | 2025-09-23 | approx | 2025-09-23..2025-09-25 | range | event
2024-10-27 | Officials have met three times in the past three days. | in the past three days | 2024-10-24 | approx | 2024-10-24..2024-10-27 | range | event
2025-09-24 | Israeli officials have said in the past two weeks that the troops must stay. | in the past two weeks | 2025-09-10 | approx | 2025-09-10..2025-09-24 | range | event
2025-01-17 | The envoy has held talks in four capitals over the past week. | over the past week | 2025-01-10 | approx | 2025-01-10..2025-01-17 | range | event
# no-date
2024-10-24 | I expect our negotiators to meet in the coming days. | in the coming days | - | unknown | - | no-date | event
2025-09-12 | Negotiators would meet again in the coming days, the spokesman said. | in the coming days | - | unknown | - | no-date | event
2025-10-25 | Qatar and Egypt called for an urgent meeting in the coming days. | in the coming days | - | unknown | - | no-date | event
2024-10-22 | A deal could be reached in the next few weeks. | in the next few weeks | - | unknown | - | no-date | event
2025-01-13 | The mediators expect a reply in the coming weeks. | in the coming weeks | - | unknown | - | no-date | event
# quotation
2025-09-24 | “The cabinet will meet tomorrow to give Israel's answer,” the spokesman said. | tomorrow | 2025-09-25 | day | - | quotation | event
2025-10-19 | The intelligence chief said the talks “will open in Cairo next month, God willing”. | next month | 2025-11 | month | - | quotation | event
2024-10-23 | “We will send our answer on Friday,” the group's spokesman said. | on Friday | 2024-10-25 | day | - | quotation | event
2025-01-15 | The group released a video on Tuesday in which its leader said, “The prisoners will be home tomorrow.” | on Tuesday | 2025-01-14 | day | - | quotation | event
2025-01-15 | The group released a video on Tuesday in which its leader said, “The prisoners will be home tomorrow.” | tomorrow | 2025-01-16 | day | - | quotation | other
2025-09-14 | The spokesman said Israel “never intended to reach a deal this month”. | this month | 2025-09 | month | - | quotation | other
2024-10-26 | “Tonight the people will sleep without fear,” the spokesman said on Saturday. | on Saturday | 2024-10-26 | day | - | quotation | event
2024-10-26 | “Tonight the people will sleep without fear,” the spokesman said on Saturday. | Tonight | 2024-10-26 | day | - | quotation | other
2025-05-31 | “We met them last Tuesday and nothing came of it,” the minister said. | last Tuesday | 2025-05-27 | day | - | quotation | event
2024-10-21 | “Next week will decide everything,” the envoy told reporters. | Next week | 2024-10-28 | week | 2024-10-28..2024-11-03 | quotation | other
2025-01-17 | The prime minister said the first hostages would come home “on Sunday, if all goes well”. | on Sunday | 2025-01-19 | day | - | quotation | event
2024-10-24 | “Yesterday we handed over our reply,” the negotiator said on Thursday. | Yesterday | 2024-10-23 | day | - | quotation | event
# background
2025-10-07 | Delegations arrived in Cairo on Tuesday, two years after the war began on October 7, 2023. | on Tuesday | 2025-10-07 | day | - | background | event
2025-10-07 | Delegations arrived in Cairo on Tuesday, two years after the war began on October 7, 2023. | on October 7, 2023 | 2023-10-07 | day | - | background | other
2024-10-24 | More than 40,000 people have been killed since the war began on October 7. | on October 7 | 2024-10-07 | day | - | background | other
2024-08-14 | The group named a new leader on Tuesday, ten months after the attack of October 7. | on Tuesday | 2024-08-13 | day | - | background | event
2024-08-14 | The group named a new leader on Tuesday, ten months after the attack of October 7. | October 7 | 2023-10-07 | day | - | background | other
2025-01-02 | Talks resumed in Doha on Thursday after the truce expired in November. | on Thursday | 2025-01-02 | day | - | background | event
2025-01-02 | Talks resumed in Doha on Thursday after the truce expired in November. | in November | 2024-11 | month | - | background | other
2025-10-07 | The prime minister, who took office in March, told his cabinet on Sunday that the war would go on. | on Sunday | 2025-10-05 | day | - | background | event
2025-10-07 | The prime minister, who took office in March, told his cabinet on Sunday that the war would go on. | in March | 2025-03 | month | - | background | other
2025-09-28 | Qatar suspended its mediation on Saturday after the deadline passed on Friday. | on Saturday | 2025-09-27 | day | - | background | event
2025-09-28 | Qatar suspended its mediation on Saturday after the deadline passed on Friday. | on Friday | 2025-09-26 | day | - | background | other
2025-09-28 | The collapse has left no talks under way for the first time since early August. | since early August | 2025-08-01 | approx | 2025-08-01..2025-08-10 | background | other
2024-10-24 | Israel has received billions in weapons since October 7, 2023. | since October 7, 2023 | 2023-10-07 | day | - | background | other
# said-when
2024-10-25 | Officials said on Monday that the envoy would visit the region. | on Monday | 2024-10-21 | day | - | said-when | other
2024-10-23 | The office said on Tuesday that talks would be held next week. | next week | 2024-10-28 | week | 2024-10-28..2024-11-03 | said-when | event
2024-10-23 | The office said on Tuesday that talks would be held next week. | on Tuesday | 2024-10-22 | day | - | said-when | other
2025-01-15 | The minister said on Monday the cabinet would meet on Thursday. | on Thursday | 2025-01-16 | day | - | said-when | event
2025-01-15 | The minister said on Monday the cabinet would meet on Thursday. | on Monday | 2025-01-13 | day | - | said-when | other
`;

const PRECISIONS = new Set<string>(["day", "week", "month", "year", "approx", "unknown"]);

function parseRow(line: string): DateRow {
  const cells = line.split(" | ");
  if (cells.length !== 8) throw new Error(`date table: 8 cells expected: ${line}`);
  const [published, sentence, expression, value, precision, range, kind, role] = cells as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!PRECISIONS.has(precision)) throw new Error(`date table: bad precision: ${line}`);
  const row: DateRow = {
    published,
    sentence,
    expression: expression === "-" ? null : expression,
    value: value === "-" ? null : value,
    precision: precision as TablePrecision,
    kind,
    datesEvent: role === "event",
  };
  if (range !== "-") {
    const [from, to] = range.split("..");
    if (!from || !to) throw new Error(`date table: bad range: ${line}`);
    row.range = { from, to };
  }
  return row;
}

export const DATE_TABLE: DateRow[] = TABLE.split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map(parseRow);
