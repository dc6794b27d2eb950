// Tests for **ingest**: listing inputs, strict decoding, and the wrapper/dateline/byline/boilerplate metadata.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.js';
import { articleFromText, listInputs, parseMeta, readArticle, readStdin } from '../src/ingest.js';
import type { ArticleMeta } from '../src/types.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/ingest/', import.meta.url));
const DEV = process.env.NEWSKG_DEV_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/dev/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

/** The metadata spans as [kind, text] pairs, which read better than offsets. */
function spanTexts(text: string, meta: ArticleMeta): [string, string][] {
  return meta.spans.map((s) => [s.kind, text.slice(s.start, s.end)]);
}

/** Awaits `p` and returns what it threw. */
async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('parseMeta: wrappers and datelines', () => {
  it('reads a MENAFN wrapper as wire and outlet', () => {
    const text = '(MENAFN- AzerNews) Turkish Foreign Minister Hakan Fidan has\narrived in Baku on a visit, Azernews reports.\n';
    const meta = parseMeta(text);
    expect(meta).toMatchObject({ wire: 'MENAFN', outlet: 'AzerNews', bodyStart: 19, bodyEnd: text.length - 1 });
    expect(meta.spans).toEqual([
      { kind: 'wire', start: 1, end: 7 },
      { kind: 'outlet', start: 9, end: 17 },
    ]);
    expect(meta.date).toBeUndefined();
    expect(meta.place).toBeUndefined();
  });

  it('reads a wrapper followed by a dateline without a year, keeping month and day', () => {
    const text = '(MENAFN- Trend News Agency) BAKU, Azerbaijan, November 22. The ministers met in Baku.';
    const meta = parseMeta(text);
    expect(meta).toMatchObject({ wire: 'MENAFN', outlet: 'Trend News Agency', place: 'Baku', monthDay: '11-22' });
    expect(meta.date).toBeUndefined();
    expect(spanTexts(text, meta)).toEqual([
      ['wire', 'MENAFN'],
      ['outlet', 'Trend News Agency'],
      ['dateline', 'BAKU, Azerbaijan, November 22.'],
    ]);
    expect(text.slice(meta.bodyStart)).toBe('The ministers met in Baku.');
  });

  it('takes a missing dateline year from a nearby full date in the body', () => {
    const text = '(MENAFN- Trend News Agency) BAKU, Azerbaijan, January 11.\nThe ministers spoke on January 10, 2023, about the\ntrilateral statement of November 10, 2020.\n';
    const meta = parseMeta(text);
    expect(meta.date).toBe('2023-01-11');
    expect(meta.monthDay).toBeUndefined();
  });

  it('does not take a year from a date far from the dateline', () => {
    const meta = parseMeta('BAKU, Azerbaijan, June 11. The statement of November 10, 2020 was recalled.');
    expect(meta.date).toBeUndefined();
    expect(meta.monthDay).toBe('06-11');
  });

  it('reads a dateline alone on its line with place, date and outlet', () => {
    const text = 'Baku, December 20, AZERTAC\n\nThe ministers met.\n';
    const meta = parseMeta(text);
    expect(meta).toMatchObject({ place: 'Baku', outlet: 'AZERTAC', monthDay: '12-20', bodyStart: 28 });
    expect(spanTexts(text, meta)).toEqual([
      ['dateline', 'Baku, December 20, AZERTAC'],
      ['outlet', 'AZERTAC'],
    ]);
  });

  it('takes the year of a dateline from a date stamp above it', () => {
    const text = '20.12.2024\n\nBaku, December 20, AZERTAC\n\nThe ministers met.\n';
    const meta = parseMeta(text);
    expect(meta.date).toBe('2024-12-20');
    expect(text.slice(meta.bodyStart)).toBe('The ministers met.\n');
    expect(spanTexts(text, meta).map(([k]) => k)).toEqual(['dateline', 'dateline', 'outlet']);
  });

  it.each([
    ['AMMAN, Jan. 9, 2017 — Jordan stepped up preparations.', { place: 'Amman', date: '2017-01-09' }, 'AMMAN, Jan. 9, 2017 —', 'Jordan'],
    ['BEIJING, April 14, 2023 (Xinhua) -- Chinese President Xi Jinping met Lula.', { place: 'Beijing', date: '2023-04-14', outlet: 'Xinhua' }, 'BEIJING, April 14, 2023 (Xinhua) --', 'Chinese'],
    ['RIO DE JANEIRO, Feb. 22, 2024 — Mexico met the U.S.', { place: 'Rio de Janeiro', date: '2024-02-22' }, 'RIO DE JANEIRO, Feb. 22, 2024 —', 'Mexico'],
    ['DUSHANBE, May 12, 2022, Asia-Plus — Tajik Foreign Minister met Lebedev.', { place: 'Dushanbe', date: '2022-05-12', outlet: 'Asia-Plus' }, 'DUSHANBE, May 12, 2022, Asia-Plus —', 'Tajik'],
    ['MOSCOW, August 28, 2025. /TASS/. Ashgabat is grateful to Moscow.', { place: 'Moscow', date: '2025-08-28', outlet: 'TASS' }, 'MOSCOW, August 28, 2025. /TASS/.', 'Ashgabat'],
    ['YAOUNDÉ, July 13, 2018 — Faki held talks.', { place: 'Yaoundé', date: '2018-07-13' }, 'YAOUNDÉ, July 13, 2018 —', 'Faki'],
    ['MUNICH, 15 February 2020 - NATO Secretary General met leaders.', { place: 'Munich', date: '2020-02-15' }, 'MUNICH, 15 February 2020 -', 'NATO'],
    ['BAKU, Azerbaijan, Feb. 9. A delegation arrived.', { place: 'Baku', monthDay: '02-09' }, 'BAKU, Azerbaijan, Feb. 9.', 'A delegation'],
    ['ASTANA. KAZINFORM – Murat Nurtleu held talks.', { place: 'Astana', outlet: 'KAZINFORM' }, 'ASTANA. KAZINFORM –', 'Murat'],
    ['LONDON (Reuters) - Ministers met on Monday.', { place: 'London', outlet: 'Reuters' }, 'LONDON (Reuters) -', 'Ministers'],
  ])('reads the inline dateline of %j', (text, expected, dateline, bodyStartsWith) => {
    const meta = parseMeta(text);
    expect(meta).toMatchObject(expected);
    expect(meta.spans.find((s) => s.kind === 'dateline')).toEqual({ kind: 'dateline', start: 0, end: dateline.length });
    expect(text.slice(meta.bodyStart).startsWith(bodyStartsWith)).toBe(true);
  });

  it('lets an explicit wire dateline win over a date stamp', () => {
    const meta = parseMeta('2023-04-10\n\nBEIJING, April 14 (Xinhua) -- Chinese President Xi Jinping met Lula.');
    expect(meta).toMatchObject({ date: '2023-04-14', place: 'Beijing', outlet: 'Xinhua' });
  });

  it.each([
    ['15.03.2024\n\nThe ministers met.', '2024-03-15'],
    ['03.04.2024\n\nThe ministers met.', '2024-04-03'],
    ['2024-03-15\n\nThe ministers met.', '2024-03-15'],
    ['27 January 2023\n\nThe ministers met.', '2023-01-27'],
    ['New York, 17 September 2023\n\nThe Secretary-General met Michel.', '2023-09-17'],
    ['Brussels, 3 August 2024\n\nBorrell condemned the attack.', '2024-08-03'],
  ])('reads the date line of %j', (text, date) => {
    const meta = parseMeta(text);
    expect(meta.date).toBe(date);
    expect(text.slice(meta.bodyStart)).toMatch(/^(The|Borrell)/);
  });

  it.each([
    'NATO, the EU and the UN met on Monday.',
    'Visit of Foreign Minister Hakan Fidan to Turkmenistan, 11 October 2023, Ashgabat\n\nFidan paid a visit.',
    'On December 19, 2021, Jeyhun Bayramov held a meeting in Islamabad.',
    'BAKU is the capital. It hosted the forum.',
  ])('finds no dateline in %j', (text) => {
    const meta = parseMeta(text);
    expect(meta.date).toBeUndefined();
    expect(meta.spans.filter((s) => s.kind === 'dateline')).toEqual([]);
  });

  it('does not take the first word of the body for an outlet', () => {
    const text = '(MENAFN- Trend News Agency) BAKU, Azerbaijan, October 13. Armenia\nis not always acting as a partner, Lukashenko said.';
    const meta = parseMeta(text);
    expect(meta.outlet).toBe('Trend News Agency');
    expect(text.slice(meta.bodyStart).startsWith('Armenia\nis')).toBe(true);
  });
});

describe('parseMeta: bylines, headlines and boilerplate', () => {
  it('reads a byline and starts the body after it', () => {
    const text = 'By Akbar Novruz\n\nGaya Mammadov has held talks in Vienna.\n';
    const meta = parseMeta(text);
    expect(meta.byline).toBe('Akbar Novruz');
    expect(meta.bodyStart).toBe(17);
    expect(spanTexts(text, meta)).toEqual([['byline', 'By Akbar Novruz']]);
  });

  it('keeps a headline in the body, and a dateline under it out of the body text', () => {
    const text = 'Ghana and Hungary sign memorandum\n\nBRUSSELS, 22 January 2019 -- Ghana signed it.\n';
    const meta = parseMeta(text);
    expect(meta).toMatchObject({ bodyStart: 0, place: 'Brussels', date: '2019-01-22' });
    expect(spanTexts(text, meta)).toEqual([
      ['headline', 'Ghana and Hungary sign memorandum'],
      ['dateline', 'BRUSSELS, 22 January 2019 --'],
    ]);
  });

  it('keeps issuer lines above a date line in the body', () => {
    const text = 'Secretary Rubio\'s Call with Foreign Minister Fidan\n\nOffice of the Spokesperson, U.S. Department of State\nMay 12, 2025\n\nSecretary Rubio held a call.\n';
    const meta = parseMeta(text);
    expect(meta.date).toBe('2025-05-12');
    expect(meta.bodyStart).toBe(0);
    expect(spanTexts(text, meta)).toEqual([
      ['headline', "Secretary Rubio's Call with Foreign Minister Fidan"],
      ['dateline', 'May 12, 2025'],
    ]);
  });

  it.each([
    ['Follow us on Twitter'],
    ['Follow AzerNews on Telegram'],
    ['Read more:\nhttps://example.com/a\nhttps://example.com/b'],
    ['Subscribe to our newsletter'],
    ['© 2024 AzerNews. All rights reserved.'],
    ['All rights reserved.'],
  ])('puts trailing boilerplate %j outside the body', (tail) => {
    const body = 'The ministers met in Baku.\n\nThey discussed the region.';
    const text = `${body}\n\n${tail}\n`;
    const meta = parseMeta(text);
    expect(meta.bodyEnd).toBe(body.length);
    expect(meta.spans.filter((s) => s.kind === 'boilerplate').length).toBe(tail.split('\n').length);
  });

  it('puts a bare signature line outside the body and takes it as the outlet', () => {
    const text = '27 January 2023\n\nBayramov held a call.\n\nNews.Az\n';
    const meta = parseMeta(text);
    expect(meta.outlet).toBe('News.Az');
    expect(text.slice(meta.bodyStart, meta.bodyEnd)).toBe('Bayramov held a call.');
  });

  it('puts a bracketed end note outside the body without taking it as the outlet', () => {
    const text = 'Bayramov held a call.\n\n(END)\n';
    const meta = parseMeta(text);
    expect(meta.outlet).toBeUndefined();
    expect(text.slice(meta.bodyStart, meta.bodyEnd)).toBe('Bayramov held a call.');
  });

  it('keeps a short last paragraph of several words in the body', () => {
    const text = 'Ghana signed it.\n\nHungary agreed\n';
    expect(parseMeta(text).bodyEnd).toBe(text.length - 1);
  });

  it('does not cut a wrapped line that starts with a boilerplate word', () => {
    const text = 'The ministers said they\nsubscribe to the principle\nof peace';
    expect(parseMeta(text).bodyEnd).toBe(text.length);
  });
});

describe('parseMeta speed', () => {
  it('reads hostile first and last lines quickly', () => {
    const t0 = performance.now();
    const punct = parseMeta(`${'.'.repeat(500_000)}${')'.repeat(500_000)}x`);
    expect(punct.bodyStart).toBe(0);
    const years = parseMeta(`BAKU, June 11. ${'In 2020 '.repeat(125_000)}`);
    expect(years.monthDay).toBe('06-11');
    const words = parseMeta(`By ${'A'.repeat(1_000_000)} x`);
    expect(words.byline).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('parseMeta on the dev corpus', () => {
  const articles = existsSync(join(DEV, 'articles')) ? readdirSync(join(DEV, 'articles')).filter((f) => f.endsWith('.txt')).sort() : [];

  it.skipIf(articles.length === 0).each(articles)('dates %s as its gold dateline', (file) => {
    const id = file.replace(/\.txt$/, '');
    const text = readFileSync(join(DEV, 'articles', file), 'utf8');
    const gold = JSON.parse(readFileSync(join(DEV, 'gold', `${id}.json`), 'utf8')) as { dateline: string | null };
    expect(parseMeta(text).date).toBe(gold.dateline ?? undefined);
  });

  it.skipIf(articles.length === 0).each([
    ['seed-bayramov-lavrov-unga78', { wire: 'MENAFN', outlet: 'AzerNews' }, "Azerbaijan's Minister"],
    ['dev-001-mammadov-sinirlioglu-vienna', { byline: 'Akbar Novruz' }, 'Gaya Mammadov'],
    ['dev-002-trilateral-baku-declaration', { place: 'Baku', outlet: 'AZERTAC', date: '2024-03-15' }, 'The foreign ministers'],
    ['dev-013-kulubayev-omuraliev-istanbul', { place: 'Bishkek', date: '2025-06-21' }, "Kyrgyzstan's Minister"],
    ['dev-016-nurtleu-lavrov-moscow', { place: 'Astana', outlet: 'KAZINFORM', date: '2023-04-11' }, 'Murat Nurtleu'],
    ['dev-018-bayramov-donfried-call', { wire: 'MENAFN', outlet: 'Trend News Agency', place: 'Baku', date: '2023-01-11' }, "Azerbaijan's Foreign"],
    ['dev-022-guterres-michel-borrell', { place: 'New York', date: '2023-09-17' }, 'Readout of'],
    ['dev-028-jordan-arab-summit-invitations', { place: 'Amman', date: '2017-01-09' }, 'Jordan stepped up'],
  ])('reads the metadata of %s', (id, expected, bodyStartsWith) => {
    const text = readFileSync(join(DEV, 'articles', `${id}.txt`), 'utf8');
    const meta = parseMeta(text);
    expect(meta).toMatchObject(expected);
    expect(text.slice(meta.bodyStart).startsWith(bodyStartsWith)).toBe(true);
  });

  it.skipIf(articles.length === 0)('ends the body before "Follow us on Twitter"', () => {
    const text = readFileSync(join(DEV, 'articles', 'dev-013-kulubayev-omuraliev-istanbul.txt'), 'utf8');
    const meta = parseMeta(text);
    expect(text.slice(meta.bodyEnd).trim()).toBe('Follow us on Twitter');
    expect(text.slice(0, meta.bodyEnd).endsWith('Istanbul, Türkiye.')).toBe(true);
  });
});

describe('readArticle', () => {
  it('names the article after its file and keeps the decoded text', async () => {
    const article = await readArticle(fixture('crlf.txt'));
    expect(article.id).toBe('crlf');
    expect(article.path).toBe(fixture('crlf.txt'));
    expect(article.text).toBe(readFileSync(fixture('crlf.txt'), 'utf8'));
  });

  it('keeps CRLF line ends, and offsets index the decoded text', async () => {
    const { text, meta } = await readArticle(fixture('crlf.txt'));
    expect(text).toContain('\r\n');
    expect(meta.date).toBe('2024-05-05');
    expect(spanTexts(text, meta)).toEqual([
      ['headline', 'Ministers meet in Baku'],
      ['dateline', 'BAKU, May 5, 2024 —'],
      ['boilerplate', 'Follow us on Twitter'],
    ]);
    expect(text.slice(meta.bodyStart, meta.bodyEnd)).toBe('Ministers meet in Baku\r\n\r\nBAKU, May 5, 2024 — The ministers met.\r\nThey talked about\r\nthe region.');
  });

  it('drops a UTF-8 byte order mark, so offset 0 is the first character', async () => {
    const { text, meta } = await readArticle(fixture('bom.txt'));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('BAKU, May 5, 2024')).toBe(true);
    expect(meta.spans[0]).toEqual({ kind: 'dateline', start: 0, end: 'BAKU, May 5, 2024 —'.length });
  });

  it('decodes another encoding when asked', async () => {
    const article = await readArticle(fixture('latin1.txt'), { encoding: 'latin1' });
    expect(article.text).toContain('Café de Genève');
    expect(article.meta.place).toBe('Geneva');
    const utf16 = await readArticle(fixture('utf16.txt'), { encoding: 'utf-16le' });
    expect(utf16.text.startsWith('BAKU, May 5, 2024')).toBe(true);
  });

  it.each([
    ['missing.txt', 'missing'],
    ['empty.txt', 'empty'],
    ['whitespace.txt', 'empty'],
    ['binary.txt', 'binary'],
    ['control.txt', 'binary'],
    ['latin1.txt', 'encoding'],
    ['utf16.txt', 'encoding'],
  ])('refuses %s with an InputError (%s)', async (name, code) => {
    const e = await thrown(readArticle(fixture(name)));
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ name: 'InputError', code, path: fixture(name) });
    expect((e as Error).message.startsWith(fixture(name))).toBe(true);
    expect((e as Error).message).not.toContain('\n');
  });

  it('says where the bad UTF-8 byte is', async () => {
    const e = (await thrown(readArticle(fixture('latin1.txt')))) as InputError;
    expect(e.message).toContain('byte 0xe9 at byte offset 46, line 1');
  });

  it('refuses a directory', async () => {
    expect(await thrown(readArticle(FIXTURES))).toMatchObject({ code: 'not-a-text-file' });
  });

  it('throws a UsageError for an unknown encoding', async () => {
    expect(await thrown(readArticle(fixture('latin1.txt'), { encoding: 'klingon' }))).toBeInstanceOf(UsageError);
  });
});

describe('articleFromText and readStdin', () => {
  it('builds an article from a string', () => {
    const article = articleFromText('note', 'By Jane Doe\n\nThe ministers met.', 'note.txt');
    expect(article).toMatchObject({ id: 'note', path: 'note.txt', meta: { byline: 'Jane Doe', bodyStart: 13 } });
  });

  it('refuses empty and binary strings', () => {
    expect(() => articleFromText('x', ' \n ', '-')).toThrow(InputError);
    expect(() => articleFromText('x', 'a\0b', '-')).toThrow(expect.objectContaining({ code: 'binary' }));
  });

  it('reads stdin as the article "stdin"', async () => {
    async function* chunks() {
      yield Buffer.from('BAKU, May 5, 2024 — The ministers ');
      yield Buffer.from('met.\n');
    }
    const article = await readStdin({}, chunks());
    expect(article).toMatchObject({ id: 'stdin', path: '-', text: 'BAKU, May 5, 2024 — The ministers met.\n', meta: { date: '2024-05-05' } });
  });

  it('refuses empty stdin', async () => {
    async function* none() {}
    expect(await thrown(readStdin({}, none()))).toMatchObject({ code: 'empty', path: '-' });
  });
});

describe('listInputs', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'newskg-ingest-'));
    mkdirSync(join(root, 'corpus', 'sub', 'deeper'), { recursive: true });
    mkdirSync(join(root, 'corpus', '.hidden'));
    writeFileSync(join(root, 'corpus', 'b.txt'), 'B.');
    writeFileSync(join(root, 'corpus', 'a.txt'), 'A.');
    writeFileSync(join(root, 'corpus', 'notes.md'), 'not an article');
    writeFileSync(join(root, 'corpus', 'sub', 'c.txt'), 'C.');
    writeFileSync(join(root, 'corpus', 'sub', 'deeper', 'd.TXT'), 'D.');
    writeFileSync(join(root, 'corpus', '.hidden', 'e.txt'), 'E.');
    writeFileSync(join(root, 'single.md'), 'named explicitly');
    // A loop back to the top, and a second name for a file already listed.
    symlinkSync(join(root, 'corpus'), join(root, 'corpus', 'sub', 'loop'));
    symlinkSync(join(root, 'corpus', 'a.txt'), join(root, 'corpus', 'sub', 'z-alias.txt'));
    symlinkSync(join(root, 'nowhere.txt'), join(root, 'corpus', 'sub', 'dangling.txt'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks directories recursively for .txt files, sorted, following no loop', async () => {
    const { files, errors } = await listInputs([join(root, 'corpus')]);
    expect(files).toEqual([
      join(root, 'corpus', 'a.txt'),
      join(root, 'corpus', 'b.txt'),
      join(root, 'corpus', 'sub', 'c.txt'),
      join(root, 'corpus', 'sub', 'deeper', 'd.TXT'),
    ]);
    expect(errors.map((e) => [e.code, e.path])).toEqual([['missing', join(root, 'corpus', 'sub', 'dangling.txt')]]);
  });

  it('gives the same answer whatever the order of the inputs', async () => {
    const inputs = [join(root, 'single.md'), join(root, 'corpus', 'sub'), '-', join(root, 'corpus'), join(root, 'corpus', 'a.txt'), join(root, 'gone')];
    const forward = await listInputs(inputs);
    const backward = await listInputs([...inputs].reverse());
    expect(backward).toEqual(forward);
    expect(forward.files[0]).toBe('-');
    expect(forward.files).toContain(join(root, 'single.md'));
    expect(new Set(forward.files).size).toBe(forward.files.length);
  });

  it('reports a missing path instead of throwing', async () => {
    const { files, errors } = await listInputs([join(root, 'gone'), join(root, 'corpus', 'b.txt')]);
    expect(files).toEqual([join(root, 'corpus', 'b.txt')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InputError);
    expect(errors[0]).toMatchObject({ code: 'missing', path: join(root, 'gone') });
  });
});
