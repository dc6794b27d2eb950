// Dates of facts come from chrono against the dateline; times of day and durations date nothing.
import { describe, expect, it } from 'vitest';
import { findDates } from '../src/dates.js';

const iso = (text: string, dateline?: string): string[] => findDates(text, 0, dateline).map((d) => d.iso);

describe('findDates', () => {
  it('reads full dates, month-day dates and day-month dates', () => {
    expect(iso('The Trilateral Statement was signed on 10 November 2020.')).toEqual(['2020-11-10']);
    expect(iso('Lavrov met Bayramov on September 21 in New York.', '2023-09-22')).toEqual(['2023-09-21']);
  });

  it('takes a bare weekday as the latest such day up to the dateline, and keeps the day when a time follows', () => {
    // 2024-05-06 is a Monday: "on Saturday" is two days before
    expect(iso('The ministers met on Saturday.', '2024-05-06')).toEqual(['2024-05-04']);
    expect(iso('The ministers met on Friday at 10:00 local time.', '2024-05-06')).toEqual(['2024-05-03']);
  });

  it('dates nothing by a duration or a time of day alone', () => {
    expect(iso('Three hours later the talks resumed in May.', '2024-05-06')).toEqual(['2024-05']);
    expect(iso('The talks lasted 40 minutes.', '2024-05-06')).toEqual([]);
  });

  it('keeps only dates that write their year when there is no dateline', () => {
    expect(iso('They met yesterday.')).toEqual([]);
    expect(iso('They met on 5 May 2024.')).toEqual(['2024-05-05']);
  });
});
