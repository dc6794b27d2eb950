// **dates** finds the dates a sentence states and resolves them against the article's
// dateline with chrono, a real date parser ("on Friday", "July 22", "November 10, 2020").
import * as chrono from 'chrono-node';

// Only parsers that can state a day, month, year or weekday: news sentences are full of times
// ("at 10:00", "three hours later") that no fact here is dated by, and each parser is a pass.
const TIME_ONLY = new Set(['ENTimeUnitWithinFormatParser', 'ENTimeExpressionParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser', 'ENCasualTimeParser', 'ENEndOfCurrentMonthParser', 'ENTimeUnitCasualRelativeFormatParser']);
const parser = chrono.casual.clone();
parser.parsers = parser.parsers.filter((p) => !TIME_ONLY.has(p.constructor.name));

const DATE_HINT = /\b(?:\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight|tomorrow|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;

export interface DateMention {
  start: number;
  end: number;
  /** ISO 8601: "2020-11-10", or "2020-11" when the text gives no day. */
  iso: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// ### `findDates` lists the dates in `text` (which starts at article offset `base`).
// Without a dateline only dates that state their year are kept: "on Friday" means nothing then.
export function findDates(text: string, base: number, dateline?: string): DateMention[] {
  // chrono is slow: only sentences that name a day, a month or a year go to it
  if (!DATE_HINT.test(text)) return [];
  const ref = dateline ? new Date(`${dateline.length === 7 ? `${dateline}-01` : dateline}T12:00:00Z`) : undefined;
  const results = parser.parse(text, ref ? { instant: ref, timezone: 0 } : undefined, { forwardDate: false });
  const out: DateMention[] = [];
  for (const r of results) {
    const c = r.start;
    const dated = c.isCertain('day') || c.isCertain('month') || c.isCertain('weekday');
    if (!dated) continue;
    // Without a dateline only a date that writes its year means anything ("today" would be the day we run).
    if (!ref && !(c.isCertain('year') && /\d{4}/.test(r.text))) continue;
    const y = c.get('year');
    const m = c.get('month');
    const d = c.get('day');
    if (y === null || m === null) continue;
    let iso = c.isCertain('day') || c.isCertain('weekday') ? `${y}-${pad(m)}-${pad(d ?? 1)}` : `${y}-${pad(m)}`;
    // A bare weekday in news is the latest such day up to the dateline ("on Saturday" in a
    // Monday story is two days before), not the next one.
    if (ref && c.isCertain('weekday') && !c.isCertain('day')) {
      const back = (ref.getUTCDay() - (c.get('weekday') ?? ref.getUTCDay()) + 7) % 7;
      const day = new Date(ref.getTime() - back * 86_400_000);
      iso = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    }
    out.push({ start: base + r.index, end: base + r.index + r.text.length, iso });
  }
  return out;
}
