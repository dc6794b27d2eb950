// Dateline and stamp dates: ingest reads the plain shapes itself instead of asking chrono-node
// (chrono was most of ingest's time), and must give chrono's answer for every one of them. Odd
// dates (June 31, month 13, day 0, years far off) are still chrono's to read, whatever it says.
// Over ~1.1 million such strings the two agreed when this was written; this grid is a sample.
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { resolveDate } from '../src/ingest.js';

// The reading ingest had before: chrono for everything (numeric dates day first).
function chronoDate(s: string): [number | undefined, number, number | undefined] | undefined {
  const numeric = /^\d/.test(s) && !/\p{L}/u.test(s);
  const r = (numeric ? chrono.en.GB : chrono).parse(s, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !r.start.isCertain('month')) return undefined;
  return [r.start.isCertain('year') ? r.start.get('year')! : undefined, r.start.get('month')!, r.start.isCertain('day') ? r.start.get('day')! : undefined];
}

const ours = (s: string): [number | undefined, number, number | undefined] | undefined => {
  const d = resolveDate(s);
  return d && [d.year, d.month, d.day];
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb.', 'Mar', 'Apr.', 'Jun', 'Jul.', 'Aug', 'Sept', 'Sept.', 'Sep', 'Oct.', 'Nov', 'Dec.'];
const DAYS = ['0', '1', '01', '9', '28', '29', '30', '31', '32'];
const YEARS = ['1799', '1800', '1900', '2023', '2024', '2100', '2199', '2200'];

function wordDates(): string[] {
  const out: string[] = [];
  for (const w of ['', 'Monday, ', 'Sunday\t']) {
    for (const m of MONTHS) {
      for (const d of DAYS) {
        for (const suffix of w ? [''] : ['', 'st', 'th']) {
          out.push(`${w}${m} ${d}${suffix}`, `${w}${d}${suffix} ${m}`);
          for (const y of YEARS) out.push(`${w}${m} ${d}${suffix}, ${y}`, `${w}${d}${suffix} ${m} ${y}`);
        }
      }
      for (const y of YEARS) out.push(`${w}${m} ${y}`, `${w}${m}, ${y}`);
    }
  }
  return out;
}

function numericDates(): string[] {
  const out: string[] = [];
  const p = (n: number): string => String(n).padStart(2, '0');
  for (const y of ['1799', '1800', '2023', '2024', '2200']) {
    for (let m = 0; m <= 13; m++) {
      for (const d of [0, 1, 9, 12, 13, 28, 29, 30, 31, 32]) out.push(`${d}.${m}.${y}`, `${p(d)}/${p(m)}/${y}`, `${y}-${p(m)}-${p(d)}`);
    }
  }
  out.push('15.03/2024', '0000-01-01', '1.2.0000');
  return out;
}

describe('dateline dates read without chrono', () => {
  it.each([['word', wordDates()], ['numeric', numericDates()]])('match chrono on every %s date of the grid', (_, inputs) => {
    expect(inputs.length).toBeGreaterThan(500);
    const differ = inputs.filter((s) => JSON.stringify(ours(s)) !== JSON.stringify(chronoDate(s)));
    expect(differ).toEqual([]);
  }, 60_000);

  it('reads what a dateline writes', () => {
    expect(resolveDate('May 12, 2025')).toEqual({ year: 2025, month: 5, day: 12 });
    expect(resolveDate('Sept. 5th')).toEqual({ month: 9, day: 5 });
    expect(resolveDate('15.03.2024')).toEqual({ year: 2024, month: 3, day: 15 });
    expect(resolveDate('February 29')).toEqual({ month: 2, day: 29 });
    expect(resolveDate('February 29, 2023')).toBeUndefined();
    expect(resolveDate('Monday, May 2024')).toBeUndefined(); // chrono's answer: no date
  });
});
