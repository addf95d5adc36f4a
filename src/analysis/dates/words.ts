/** Calendar words the date rules read: weekdays, months, counts. */

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
export const WEEKDAY_NAMES = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
export const MONTH_NAMES =
  "January|February|March|April|May|June|July|August|September|October|November|December";
export const COUNT_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  couple: 2,
  "couple of": 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  few: 3,
  several: 3,
};
