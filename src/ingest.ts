// **ingest** turns input paths into articles: it lists the files, decodes them strictly, and finds the
// wrapper, dateline, byline and boilerplate around each article's body.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import * as chrono from 'chrono-node';
import { InputError, UsageError } from './errors.js';
import type { Article, ArticleMeta } from './types.js';

type Span = ArticleMeta['spans'][number];

/** Options for {@link readArticle} and {@link readStdin}. */
export interface ReadOptions {
  /**
   * WHATWG label of the file's encoding (`'latin1'`, `'windows-1252'`, `'utf-16le'`, ...).
   * Default: UTF-8, decoded strictly, so a mis-encoded file is refused instead of silently garbled.
   */
  encoding?: string;
}

// ---------------------------------------------------------------------------------------------
// Listing inputs

/** A path that is not read as an article, and why. */
export interface SkippedInput {
  path: string;
  reason: string;
}

/**
 * `listInputs` expands the inputs a user named into the article files to read.
 *
 * @param inputs Files (any extension), directories (searched recursively for `.txt` files; entries
 *   whose name starts with a dot are skipped) or `-` for stdin.
 * @returns `files`, sorted and de-duplicated by real path so the order of `inputs` does not matter
 *   (`-` appears once if asked for); one `InputError` per input that could not be used (a missing
 *   path is reported, never thrown). So that no file is passed over silently, `skipped` lists the
 *   second names of files already listed (a symbolic link, or a file named twice), and `ignored`
 *   every directory entry that is no article file (not `.txt`, hidden, not a regular file), each
 *   with why. A directory reached again through a symbolic link is not searched twice.
 */
export async function listInputs(inputs: string[]): Promise<{ files: string[]; errors: InputError[]; skipped: SkippedInput[]; ignored: SkippedInput[] }> {
  // Real path -> every path it was reached by; the smallest path is the one we show, which keeps
  // the result independent of the order of the inputs.
  const found = new Map<string, Set<string>>();
  const passed = new Map<string, SkippedInput>();
  const errors = new Map<string, InputError>();
  let stdin = false;
  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input, { found, errors, passed }, new Set());
      else if (info.isFile()) await addFile(input, found);
      else throw notText(input);
    } catch (e) {
      const err = e instanceof InputError ? e : fsError(e, input);
      errors.set(err.path, err);
    }
  }
  const shown = (paths: Set<string>): string => [...paths].sort(byCodeUnit)[0];
  const files = [...new Set([...found.values()].map(shown))].sort(byCodeUnit);
  const ignored = [...passed].filter(([real]) => !found.has(real)).map(([, s]) => s);
  const skipped: SkippedInput[] = [];
  for (const paths of found.values()) {
    const first = shown(paths);
    for (const p of paths) if (p !== first) skipped.push({ path: p, reason: `same file as ${first}, which is read instead` });
  }
  if (stdin) files.unshift('-');
  return {
    files,
    errors: [...errors.values()].sort((a, b) => byCodeUnit(a.path, b.path)),
    skipped: skipped.sort((a, b) => byCodeUnit(a.path, b.path)),
    ignored: ignored.sort((a, b) => byCodeUnit(a.path, b.path)),
  };
}

interface Listing {
  found: Map<string, Set<string>>;
  errors: Map<string, InputError>;
  /** Real path -> the entry not read (the smallest path it was seen by). */
  passed: Map<string, SkippedInput>;
}

// ### `walk` adds the `.txt` files under `dir`; `seen` holds the real paths of the directories
// already walked, so a symlink loop (or two links to one directory) is walked once.
async function walk(dir: string, list: Listing, seen: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) {
    await pass(dir, 'a directory already searched (a symbolic link loop, or a second link to it)', list);
    return;
  }
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const txt = extname(entry.name).toLowerCase() === '.txt';
    // An entry that is no symbolic link is really where its directory really is: no realpath call
    // per file (on a directory of 100,000 articles those calls were most of the listing).
    const link = entry.isSymbolicLink();
    const entryReal = link ? undefined : join(real, entry.name);
    if (entry.name.startsWith('.')) {
      // Not followed even when a link: editors leave dangling ones (".#draft.txt").
      if (entry.isDirectory()) await pass(path, 'hidden directory (its name starts with a dot), not searched', list, entryReal);
      else if (txt) await pass(path, 'hidden file (its name starts with a dot); name it as an input to read it', list, entryReal);
      continue;
    }
    try {
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (link) {
        const target = await stat(path); // follows the link; a dangling link throws ENOENT
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) await walk(path, list, seen);
      else if (isFile && txt) await addFile(path, list.found, entryReal);
      else if (isFile) await pass(path, 'not a .txt file (directories are searched for .txt files only); name it as an input to read it', list, entryReal);
      else await pass(path, 'not a regular file', list, entryReal);
    } catch (e) {
      const err = fsError(e, path);
      list.errors.set(err.path, err);
    }
  }
}

// ### `pass` records an entry that is not read; reached twice, it is listed once, by its smaller path.
// `known` is its real path when the caller knows it (an entry that is no link, in a walked directory).
async function pass(path: string, reason: string, list: Listing, known?: string): Promise<void> {
  const real = known ?? (await realpath(path).catch(() => path));
  const old = list.passed.get(real);
  if (!old || byCodeUnit(path, old.path) < 0) list.passed.set(real, { path, reason });
}

async function addFile(path: string, found: Map<string, Set<string>>, known?: string): Promise<void> {
  const real = known ?? (await realpath(path));
  const paths = found.get(real) ?? new Set<string>();
  paths.add(path);
  found.set(real, paths);
}

// Plain code-unit order, not localeCompare: the same on every machine.
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ### `fsError` turns a Node file-system error into an `InputError` with a message a user can act on.
function fsError(e: unknown, path: string): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new InputError(`${path}: no such file or directory; expected an article file, a directory of .txt files, or "-" for stdin. Check the path.`, path, 'missing');
  }
  if (code === 'EISDIR') return notText(path);
  if (code === 'ELOOP') {
    return new InputError(`${path}: symbolic link loop; expected a link that ends at a file or directory. Fix or remove the link.`, path, 'unreadable');
  }
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error)?.message ?? String(e);
  return new InputError(`${path}: cannot be read (${why}). Check that the file exists and is readable.`, path, 'unreadable');
}

function notText(path: string): InputError {
  return new InputError(`${path}: not a regular file; expected a text file or a directory of .txt files.`, path, 'not-a-text-file');
}

// ---------------------------------------------------------------------------------------------
// Reading and decoding

/**
 * `readArticle` reads one article file.
 *
 * The id is the file name without its extension. The bytes are decoded as UTF-8, strictly, unless
 * `options.encoding` names another encoding. A UTF-8 byte order mark is dropped by the decoder: it
 * is not part of `Article.text`, so offset 0 is the first real character (as editors show it).
 *
 * The file is read whole, since offsets point into its text: memory grows with its size (about
 * three times it while decoding), and a file over {@link MAX_ARTICLE_BYTES} is refused unread.
 *
 * @throws InputError for a missing, unreadable, empty, whitespace-only, binary, mis-encoded or too large file.
 * @throws UsageError when `options.encoding` is not an encoding label.
 */
export async function readArticle(path: string, options: ReadOptions = {}): Promise<Article> {
  const bytes = readSmallFile(path) ?? (await withOpenSlot(() => readAnyFile(path)));
  return articleFromText(basename(path, extname(path)), decodeBytes(bytes, path, options.encoding), path);
}

// Files up to this size are read synchronously (see `readSmallFile`); a news article is a few KB.
const SYNC_READ_MAX = 1024 * 1024;
// O_NONBLOCK so that opening a named pipe returns at once (to be handed to `readAnyFile`) instead
// of blocking the thread until a writer comes; it changes nothing for a regular file.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

// ### `readSmallFile` gives the bytes of a regular file of at most SYNC_READ_MAX bytes, read
// synchronously on one descriptor: open, fstat, read, close. Measured on 1,319 files of ~760 bytes,
// that is 5 to 8 times faster than `stat` and `readFile` through the thread pool, where each call is
// a round trip; for a file this small the event loop is blocked for microseconds. It returns
// undefined for anything else (empty, large, not a regular file, any error), which `readAnyFile`
// then reads or refuses exactly as before, with the same errors.
function readSmallFile(path: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size === 0 || info.size > SYNC_READ_MAX) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let n = 0;
    while (n < bytes.length) {
      const got = readSync(fd, bytes, n, bytes.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return n === bytes.length ? bytes : bytes.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing was written: a failed close loses nothing.
    }
  }
}

// ### `readAnyFile` reads any file asynchronously, refusing one over MAX_ARTICLE_BYTES unread.
async function readAnyFile(path: string): Promise<Uint8Array> {
  try {
    const { size } = await stat(path);
    if (size > MAX_ARTICLE_BYTES) throw tooLarge(path, size);
    return await readFile(path);
  } catch (e) {
    throw e instanceof InputError ? e : fsError(e, path);
  }
}

// At most MAX_OPEN files are open at once through `readAnyFile`, however many reads are started
// together: `Promise.all(files.map(readArticle))` over 30,000 files failed with EMFILE (too many
// open files) under `ulimit -n 1024`, as every read opened its file before any finished.
const MAX_OPEN = 64;
let opened = 0;
const waiting: (() => void)[] = [];
let next = 0;

async function withOpenSlot<T>(read: () => Promise<T>): Promise<T> {
  if (opened < MAX_OPEN) opened++;
  else await new Promise<void>((resume) => waiting.push(resume));
  try {
    return await read();
  } finally {
    // Hand the slot to the first waiting read, or free it.
    if (next < waiting.length) {
      const resume = waiting[next++];
      if (next === waiting.length) waiting.length = next = 0;
      resume();
    } else opened--;
  }
}

/**
 * `readStdin` reads one article from standard input (or from `stream`, for tests); its id is `stdin`
 * and its path `-`. Decoding follows {@link readArticle}.
 */
export async function readStdin(options: ReadOptions = {}, stream: AsyncIterable<Uint8Array | string> = process.stdin): Promise<Article> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > MAX_ARTICLE_BYTES) throw tooLarge('-', size);
    chunks.push(bytes);
  }
  return articleFromText('stdin', decodeBytes(Buffer.concat(chunks), '-', options.encoding), '-');
}

/**
 * `articleFromText` makes an article from text already in memory (a string, or decoded stdin).
 * @throws InputError ('empty' or 'binary') when the text holds no article.
 */
export function articleFromText(id: string, text: string, path: string): Article {
  if (text.trim() === '') throw emptyError(path);
  if (text.includes('\0')) throw binaryError(path, 'it contains NUL characters');
  return { id, path, text, meta: parseMeta(text) };
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
// Share of control characters (other than tab, newline, form feed, carriage return) above which
// bytes are not text; a few stray ones are tolerated, as old wire copy sometimes carries them.
const MAX_CONTROL_SHARE = 0.1;
const SNIFF_BYTES = 64 * 1024;
// One strict UTF-8 decoder, and one decoder per other label asked for: a decoder holds no state
// between calls that do not stream, and making one per file was a measurable share of small reads.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const DECODERS = new Map<string, TextDecoder>();

// ### `decodeBytes` checks that `bytes` hold text and decodes them, strictly for UTF-8.
function decodeBytes(bytes: Uint8Array, path: string, encoding?: string): string {
  if (bytes.length === 0) throw emptyError(path);
  const label = (encoding ?? 'utf-8').trim().toLowerCase();
  const utf16 = label.startsWith('utf-16');
  if (!utf16) {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new InputError(`${path}: looks like UTF-16 (it starts with a UTF-16 byte order mark); expected UTF-8. Convert the file to UTF-8 or read it with encoding utf-16le/utf-16be.`, path, 'encoding');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw binaryError(path, `it contains a NUL byte at byte offset ${nul}`);
    const n = Math.min(bytes.length, SNIFF_BYTES);
    let control = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
    }
    if (control > n * MAX_CONTROL_SHARE) throw binaryError(path, `${control} of its first ${n} bytes are control characters`);
  }
  let text: string;
  if (UTF8_LABELS.has(label)) {
    try {
      text = UTF8.decode(bytes);
    } catch {
      const at = invalidUtf8At(bytes);
      const line = countNewlines(bytes, at) + 1;
      throw new InputError(
        `${path}: not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at byte offset ${at}, line ${line}); expected UTF-8 text. Convert the file to UTF-8, or read it with its encoding named (e.g. latin1 or windows-1252).`,
        path,
        'encoding',
      );
    }
  } else {
    let decoder = DECODERS.get(label);
    if (!decoder) {
      try {
        decoder = new TextDecoder(label);
      } catch {
        throw new UsageError(`unknown encoding "${encoding}"; expected an encoding label such as utf-8, latin1, windows-1252 or utf-16le.`);
      }
      DECODERS.set(label, decoder);
    }
    text = decoder.decode(bytes);
  }
  if (text.trim() === '') throw emptyError(path);
  return text;
}

/**
 * The largest article file read, in bytes (256 MiB). Its text must fit in one JavaScript string
 * (V8 holds at most 2^29 - 24 UTF-16 units), and a news article is a few kilobytes: a file this
 * large is a dump to split into articles.
 */
export const MAX_ARTICLE_BYTES = 256 * 1024 * 1024;

// ### `tooLarge` refuses an input over MAX_ARTICLE_BYTES; `size` is its size, or for a stream what was read so far.
function tooLarge(path: string, size: number): InputError {
  const mib = (n: number, digits: number): string => `${(n / 1024 / 1024).toFixed(digits)} MiB`;
  return new InputError(`${path}: too large to read as one article (${path === '-' ? 'over ' : ''}${mib(size, 1)}; at most ${mib(MAX_ARTICLE_BYTES, 0)}); split it into one file per article.`, path, 'too-large');
}

function emptyError(path: string): InputError {
  return new InputError(`${path}: empty or whitespace only; expected the text of a news article.`, path, 'empty');
}

function binaryError(path: string, why: string): InputError {
  return new InputError(`${path}: looks binary (${why}); expected a plain-text article. Extract its text first.`, path, 'binary');
}

// ### `invalidUtf8At` finds the first byte that breaks UTF-8, so the message can say where.
// Only called after the strict decoder has failed.
function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    // The second byte's range excludes overlong forms and surrogates (RFC 3629, table 3-7).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + n >= b.length) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

function countNewlines(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Metadata: wrapper, dateline, byline, headline, trailing boilerplate

// The patterns below are sticky (`y`) and used only at a known offset, with bounded repetition,
// so none of them can scan or backtrack far on a long line.
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)(?![\\p{L}])';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \\t]+)?';
const WORD_DATE = `${WEEKDAY}(?:${MONTH}[ \\t]+${DAY}(?:,?[ \\t]+\\d{4})?|${DAY}[ \\t]+${MONTH}(?:,?[ \\t]+\\d{4})?|${MONTH},?[ \\t]+\\d{4})(?!\\d)`;
const NUMERIC_DATE = '(?:\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}-\\d{2})(?!\\d)';
const EOL = '[ \\t]*(?=\\r?\\n|$)';
// A date stamp alone on its line, perhaps with a time: "15.03.2024", "27 January 2023", "May 12, 2025".
const STAMP_LINE = new RegExp(`(${WORD_DATE}|${NUMERIC_DATE})(?:,?[ \\t]+\\d{1,2}:\\d{2}(?:[ \\t]?[AaPp]\\.?[Mm]\\.?)?)?${EOL}`, 'uy');
// Place names: in an inline dateline only CAPITALS ("RIO DE JANEIRO", "YAOUNDÉ"), since a
// capitalised phrase followed by a date is just as likely the start of a sentence; a line that
// holds nothing but place and date may write the place normally ("New York", "Baku").
const CAPS_WORD = "\\p{Lu}[\\p{Lu}\\p{M}'’\\-]*";
const TITLE_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
const CAPS_PLACE = new RegExp(`${CAPS_WORD}(?:\\.?[ \\t]${CAPS_WORD}){0,3}(?=[,.(]|[ \\t]\\()`, 'uy');
const TITLE_PLACE = new RegExp(`${TITLE_WORD}(?:[ \\t](?:${TITLE_WORD}|de|da|do|del|la|le|al|el)){0,3}(?=,)`, 'uy');
const SEP_DATE = new RegExp(`[,.][ \\t]+(${WORD_DATE})`, 'uy');
const SEP_COUNTRY = new RegExp(`,[ \\t]+(${TITLE_WORD}(?:[ \\t]${TITLE_WORD}){0,2})(?=,)`, 'uy');
// Outlets after the date: ", Asia-Plus", ", AZERTAC", " (Xinhua)", ". /TASS/"; or, with no date,
// ". KAZINFORM" / " (Reuters)" before the dash.
const OUTLET_COMMA = new RegExp(`[,.][ \\t]+(\\p{Lu}[\\p{L}\\p{M}.&'’\\-]*(?:[ \\t]\\p{Lu}[\\p{L}\\p{M}.&'’\\-]*){0,3})`, 'uy');
const OUTLET_PAREN = /[ \t]*\(([^()\r\n]{1,40})\)/y;
const OUTLET_SLASH = /\.?[ \t]+\/([^/\r\n]{1,30})\//y;
const DASH_END = /[ \t]*(?:—|–|--|-(?=[ \t]))[ \t]*|[ \t]*:[ \t]+/y;
const PERIOD_END = /\.(?=[ \t]|\r?\n|$)[ \t]*/y;
const EOL_END = new RegExp(`[.]?${EOL}`, 'y');
// "(MENAFN- AzerNews)": a syndication wire and the outlet it took the story from.
const WRAPPER = /\(([A-Z][A-Za-z]{1,15})[ \t]*[-–][ \t]*([^()\r\n]{1,60}?)[ \t]*\)[ \t]*/y;
const BYLINE = new RegExp(`By[ \\t]+(${TITLE_WORD}(?:[ \\t]+(?:${TITLE_WORD}|de|van|von|der|al|bin|da|dos|del|la|le)){0,5})${EOL}`, 'uy');
const TRAILING_BOILERPLATE =
  /^(?:Follow\b|Read (?:more|also)\b|Subscribe\b|Sign up\b|Share (?:this|on)\b|Join (?:us|our)\b|Download (?:our|the) app\b|©|\([Cc]\)\s|Copyright\b|All rights reserved)/;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/;
const SENTENCE_MARKS = '.!?…';
const CLAUSE_MARKS = '.!?…:;,';
const CLOSERS = '"\'”’)]';
const HEADER_LINES = 8;
const HEADLINE_MAX = 200;
const SIGNATURE_MAX = 40;
const TAIL_LINES = 15;
// A year taken from a date elsewhere in the body must come from within this many days of the
// dateline's month and day; further away it is more likely a reference to another year.
const BODY_YEAR_WINDOW_DAYS = 92;
// How many year-like numbers the body search looks at; news copy has a handful.
const MAX_BODY_YEARS = 200;

interface DateParts {
  year?: number;
  month: number;
  day?: number;
}

interface Line {
  /** Start and end of the line's trimmed content. */
  s: number;
  e: number;
  /** Start of the next line. */
  next: number;
}

// ### `lineAt` returns the line starting at `pos`, trimmed of surrounding spaces (and of `\r`).
function lineAt(text: string, pos: number): Line {
  const nl = text.indexOf('\n', pos);
  const end = nl < 0 ? text.length : nl;
  let s = pos;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return { s, e, next: nl < 0 ? text.length : nl + 1 };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0xfeff;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * `parseMeta` finds the metadata around an article's body, with spans into `text` (UTF-16 offsets).
 *
 * At the top it recognises a syndication wrapper (`(MENAFN- AzerNews)`: wire and outlet), a
 * dateline, either starting the first paragraph (`BEIJING, April 14 (Xinhua) --`,
 * `BAKU, Azerbaijan, November 22.`, `ASTANA. KAZINFORM –`) or alone on a line
 * (`Baku, December 20, AZERTAC`, `New York, 17 September 2023`), date stamps alone on a line
 * (`15.03.2024`, `27 January 2023`) and bylines (`By Akbar Novruz`). At the bottom it recognises
 * boilerplate ("Follow us on Twitter", "Read more:", "© ...") and a bare signature line
 * ("News.Az"), which also gives the outlet when nothing else did.
 *
 * A headline (a first short line without sentence-final punctuation, followed by a blank line) gets
 * a 'headline' span but stays in the body, since headlines state facts ("Ghana and Hungary sign
 * memorandum"). Lines that precede a dateline without being metadata ("READOUT",
 * "U.S. Department of State") stay in the body too; `bodyStart` is then where they begin, and the
 * metadata spans that fall inside the body are skipped by the sentence splitter.
 *
 * The date: an explicit dateline wins over a date stamp. A dateline without a year takes it from
 * the date stamps, else from the full date in the body nearest to it in the calendar (within
 * about three months); failing that `date` stays undefined and `monthDay` keeps "MM-DD".
 */
export function parseMeta(text: string): ArticleMeta {
  const spans: Span[] = [];
  const meta: ArticleMeta = { bodyStart: 0, bodyEnd: text.length, spans };
  let bodyStart = -1;
  let dateline: DateParts | undefined;
  const stamps: DateParts[] = [];
  let pos = 0;
  let seen = 0;
  let headerish = 0;

  while (pos < text.length && seen < HEADER_LINES) {
    const line = lineAt(text, pos);
    pos = line.next;
    if (line.s === line.e) continue;
    seen++;
    let cur = line.s;
    let consumed = false;
    if (seen === 1) {
      const w = execAt(WRAPPER, text, cur);
      if (w) {
        const wire = w[1];
        const outlet = w[2];
        spans.push({ kind: 'wire', start: cur + 1, end: cur + 1 + wire.length });
        const os = text.indexOf(outlet, cur + 1 + wire.length);
        spans.push({ kind: 'outlet', start: os, end: os + outlet.length });
        meta.wire = wire;
        meta.outlet = outlet;
        cur += w[0].length;
        consumed = true;
      }
    }
    const inline = matchDateline(text, cur, false);
    if (inline) {
      cur = recordDateline(inline, text, meta);
      if (inline.date && !dateline) dateline = inline.date;
      consumed = true;
    }
    if (consumed) {
      if (cur < line.e) {
        // The body starts on this line, right after the wrapper or dateline.
        if (bodyStart < 0) bodyStart = cur;
        break;
      }
      continue;
    }
    const stamp = execAt(STAMP_LINE, text, cur);
    if (stamp) {
      spans.push({ kind: 'dateline', start: cur, end: line.e });
      const parts = resolveDate(stamp[1]);
      if (parts) stamps.push(parts);
      continue;
    }
    const d = matchDateline(text, cur, true);
    if (d) {
      recordDateline(d, text, meta);
      if (d.date && !dateline) dateline = d.date;
      continue;
    }
    const by = execAt(BYLINE, text, cur);
    if (by) {
      spans.push({ kind: 'byline', start: cur, end: line.e });
      meta.byline = by[1];
      continue;
    }
    const content = text.slice(line.s, line.e);
    if (content.length <= HEADLINE_MAX && !endsWithMark(content, CLAUSE_MARKS) && headerish < 4) {
      // A short line that is not metadata: a headline or a kicker ("READOUT"). It stays in the body.
      if (headerish === 0 && bodyStart < 0 && followedByBlank(text, line.next)) spans.push({ kind: 'headline', start: line.s, end: line.e });
      if (bodyStart < 0) bodyStart = line.s;
      headerish++;
      continue;
    }
    if (bodyStart < 0) bodyStart = line.s;
    break;
  }
  if (bodyStart < 0) {
    bodyStart = pos;
    while (bodyStart < text.length && isSpace(text.charCodeAt(bodyStart))) bodyStart++;
  }
  meta.bodyStart = bodyStart;
  meta.bodyEnd = findBodyEnd(text, bodyStart, meta);

  if (dateline) {
    if (dateline.year !== undefined) meta.date = iso(dateline);
    else if (dateline.day !== undefined) {
      const year = nearestYear(dateline, stamps, Infinity) ?? nearestYear(dateline, bodyDates(text), BODY_YEAR_WINDOW_DAYS);
      if (year !== undefined) meta.date = iso({ ...dateline, year });
      else meta.monthDay = `${pad(dateline.month)}-${pad(dateline.day)}`;
    }
  } else {
    const stamp = stamps.find((p) => p.year !== undefined);
    if (stamp) meta.date = iso(stamp);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return meta;
}

// ### `endsWithMark` tells whether `s`, ignoring closing quotes and brackets, ends with one of `marks`.
// A loop from the end, not a `$`-anchored regex, which would be retried at every position of a long line.
function endsWithMark(s: string, marks: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.includes(s[i])) i--;
  return i >= 0 && marks.includes(s[i]);
}

function isSpace(c: number): boolean {
  return c === 0x0a || isBlank(c);
}

function followedByBlank(text: string, next: number): boolean {
  if (next >= text.length) return true;
  const line = lineAt(text, next);
  return line.s === line.e;
}

interface DatelineMatch {
  place: { start: number; end: number };
  date?: DateParts;
  outlet?: { start: number; end: number };
  /** Where the dateline text ends (the span's end) and where what follows it starts. */
  end: number;
  after: number;
}

// ### `matchDateline` reads "PLACE[, Country][, DATE][, OUTLET | (OUTLET) | /OUTLET/] TERMINATOR"
// at `at`. Inline (`wholeLine` false) the place is in capitals and a dash, period, colon or line end
// must follow; alone on a line anything after the outlet is refused. Either way a date, or an
// outlet followed by a dash, is required, so "NATO, the EU and ..." is never a dateline.
function matchDateline(text: string, at: number, wholeLine: boolean): DatelineMatch | undefined {
  const place = execAt(wholeLine ? TITLE_PLACE : CAPS_PLACE, text, at) ?? (wholeLine ? execAt(CAPS_PLACE, text, at) : null);
  if (!place || place[0].replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  let p = at + place[0].length;
  let date: DateParts | undefined;
  let m = execAt(SEP_DATE, text, p);
  if (!m) {
    const country = execAt(SEP_COUNTRY, text, p);
    if (country) {
      m = execAt(SEP_DATE, text, p + country[0].length);
      if (m) p += country[0].length;
    }
  }
  if (m) {
    date = resolveDate(m[1]);
    if (!date) return undefined;
    p += m[0].length;
  }
  let outlet: DatelineMatch['outlet'];
  for (const re of [OUTLET_PAREN, OUTLET_SLASH, OUTLET_COMMA]) {
    const o = execAt(re, text, p);
    if (!o) continue;
    const oEnd = p + o[0].length;
    // A named outlet must be the last thing before a dash (or, after a comma, the line end), or
    // it is the body's first words: "BAKU, Azerbaijan, October 13. Armenia\nis not ...".
    if (re === OUTLET_COMMA && !execAt(DASH_END, text, oEnd) && !(o[0][0] === ',' && execAt(EOL_END, text, oEnd))) continue;
    const start = text.indexOf(o[1], p);
    outlet = { start, end: start + o[1].length };
    p = oEnd;
    break;
  }
  if (!date && !outlet) return undefined;
  const end = p;
  if (wholeLine) {
    const eol = execAt(EOL_END, text, p);
    if (!eol || !date) return undefined;
    return { place: spanOf(at, place[0]), date, outlet, end: p + eol[0].replace(/[ \t]+$/, '').length, after: p + eol[0].length };
  }
  const dash = execAt(DASH_END, text, p);
  if (dash) return { place: spanOf(at, place[0]), date, outlet, end: p + dash[0].trimEnd().length, after: p + dash[0].length };
  if (!date) return undefined;
  const period = execAt(PERIOD_END, text, p) ?? execAt(EOL_END, text, p);
  if (!period) return undefined;
  return { place: spanOf(at, place[0]), date, outlet, end: end + period[0].trimEnd().length, after: p + period[0].length };
}

function spanOf(at: number, s: string): { start: number; end: number } {
  return { start: at, end: at + s.length };
}

// ### `recordDateline` stores a dateline's spans, place and outlet, and returns where the text after it starts.
function recordDateline(d: DatelineMatch, text: string, meta: ArticleMeta): number {
  meta.spans.push({ kind: 'dateline', start: d.place.start, end: d.end });
  if (meta.place === undefined) meta.place = placeName(text.slice(d.place.start, d.place.end));
  if (d.outlet) {
    meta.spans.push({ kind: 'outlet', start: d.outlet.start, end: d.outlet.end });
    if (meta.outlet === undefined) meta.outlet = text.slice(d.outlet.start, d.outlet.end);
  }
  return d.after;
}

const LOWER_PLACE_WORDS = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'la', 'le', 'les', 'al', 'el', 'of', 'the', 'on', 'upon', 'en', 'au', 'aux', 'sur']);

// ### `placeName` writes a dateline place in capitals the usual way: "RIO DE JANEIRO" -> "Rio de Janeiro".
function placeName(raw: string): string {
  if (raw !== raw.toUpperCase()) return raw;
  let first = true;
  return raw.toLowerCase().replace(/[\p{L}\p{M}]+/gu, (w, offset: number) => {
    const keepLower = !first && LOWER_PLACE_WORDS.has(w) && raw[offset - 1] !== "'";
    first = false;
    return keepLower ? w : w[0].toUpperCase() + w.slice(1);
  });
}

// ### `resolveDate` reads the date of a dateline or date stamp (a WORD_DATE or NUMERIC_DATE match)
// with chrono-node. Numeric dates are read day first ("15.03.2024"), as the dotted and slashed
// stamps in this corpus are European; ISO dates are unambiguous. The plain shapes that make up
// nearly all of them are read by `quickDate` first: chrono took about 0.25 ms a call, most of the
// time ingest spent on a small article. Exported for the test that holds the two to the same answers.
export function resolveDate(s: string): DateParts | undefined {
  return quickDate(s) ?? chronoDate(s);
}

function chronoDate(s: string): DateParts | undefined {
  const numeric = /^\d/.test(s) && !/\p{L}/u.test(s);
  const results = (numeric ? chrono.en.GB : chrono).parse(s, new Date(Date.UTC(2000, 0, 1)));
  const r = results[0];
  if (!r || !r.start.isCertain('month')) return undefined;
  const parts: DateParts = { month: r.start.get('month')! };
  if (r.start.isCertain('year')) parts.year = r.start.get('year')!;
  if (r.start.isCertain('day')) parts.day = r.start.get('day')!;
  return parts;
}

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const QUICK_WORD = new RegExp(
  `^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \\t]+)?(?:${MONTH_NAME}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH_NAME}(?:,?[ \\t]+(\\d{4}))?|${MONTH_NAME},?[ \\t]+(\\d{4}))$`,
);
const QUICK_NUMERIC = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$|^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Years read here; chrono reads the rest (it has its own ideas about "1.2.0000").
const QUICK_YEARS = [1800, 2199];

// ### `quickDate` reads the plain shapes of date chrono would read the same way: "May 12",
// "12 May 2024", "Monday, May 12, 2024", "Sept. 5th", "May 2024", "15.03.2024", "2024-03-15",
// a real calendar day in QUICK_YEARS. Anything else (day 31 of June, month 13, a mixed "15.03/2024")
// is left to chrono, whose answers for odd dates are its own: undefined means "ask chrono".
function quickDate(s: string): DateParts | undefined {
  let m = QUICK_NUMERIC.exec(s);
  if (m) {
    return m[1] !== undefined ? calendarDay(Number(m[4]), Number(m[3]), Number(m[1])) : calendarDay(Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = QUICK_WORD.exec(s);
  if (!m) return undefined;
  const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  if (m[1] !== undefined) return calendarDay(m[3] === undefined ? undefined : Number(m[3]), month(m[1]), Number(m[2]));
  if (m[4] !== undefined) return calendarDay(m[6] === undefined ? undefined : Number(m[6]), month(m[5]), Number(m[4]));
  // "Monday, May 2024" is no date to chrono: only a month and year without a weekday are read here.
  const year = Number(m[8]);
  return s.startsWith(m[7]) && year >= QUICK_YEARS[0] && year <= QUICK_YEARS[1] ? { month: month(m[7]), year } : undefined;
}

// ### `calendarDay` gives the date if it is a real day (February 29 without a year is: 2000 was a leap year).
function calendarDay(year: number | undefined, month: number, day: number): DateParts | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (year !== undefined && (year < QUICK_YEARS[0] || year > QUICK_YEARS[1])) return undefined;
  if (day > new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate()) return undefined;
  return year === undefined ? { month, day } : { year, month, day };
}

function iso(p: DateParts): string {
  return p.day === undefined ? `${p.year}-${pad(p.month)}` : `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// ### `bodyDates` collects the full dates (day, month and year) written in the text. A cheap
// year search comes first, and chrono only reads a short window before each year, so a long
// article costs little.
function bodyDates(text: string): DateParts[] {
  const out: DateParts[] = [];
  const years = /\b(?:1[89]|20)\d\d\b/g;
  let m: RegExpExecArray | null;
  for (let tries = 0; tries < MAX_BODY_YEARS && (m = years.exec(text)); tries++) {
    let from = Math.max(0, m.index - 32);
    while (from > 0 && from < m.index && !isSpace(text.charCodeAt(from - 1))) from++;
    const window = text.slice(from, m.index + 4);
    for (const r of chrono.parse(window, new Date(Date.UTC(2000, 0, 1)))) {
      if (r.index + r.text.length !== window.length) continue;
      if (!r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
      out.push({ year: r.start.get('year')!, month: r.start.get('month')!, day: r.start.get('day')! });
    }
  }
  return out;
}

// ### `nearestYear` picks the year that puts the dateline's month and day closest to one of the
// given full dates (a late-December stamp may belong to a January dateline of the next year).
function nearestYear(d: DateParts, dates: DateParts[], windowDays: number): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const x of dates) {
    if (x.year === undefined) continue;
    const xTime = Date.UTC(x.year, x.month - 1, x.day ?? 1);
    for (const year of [x.year - 1, x.year, x.year + 1]) {
      const distance = Math.abs(Date.UTC(year, d.month - 1, d.day ?? 1) - xTime) / 86_400_000;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = year;
      }
    }
  }
  return bestDistance <= windowDays ? best : undefined;
}

// ### `findBodyEnd` walks up from the last line over trailing boilerplate and returns where the
// body ends. Boilerplate must start a line with a capital ("Follow us on", "Read more:") and follow
// a blank line or a finished sentence, so a hard-wrapped line that happens to begin with "subscribe"
// is not cut; links and short lines under it go with it.
function findBodyEnd(text: string, bodyStart: number, meta: ArticleMeta): number {
  const tail: Line[] = [];
  let end = text.length;
  while (end > bodyStart && tail.length < TAIL_LINES) {
    const nl = text.lastIndexOf('\n', end - 1);
    const line = lineAt(text, nl + 1);
    end = nl < 0 ? 0 : nl;
    if (line.s === line.e) continue;
    if (line.s < bodyStart) break;
    const content = text.slice(line.s, line.e);
    const tailish = TRAILING_BOILERPLATE.test(content) || URL_LINE.test(content) || (content.length <= 80 && !endsWithMark(content, SENTENCE_MARKS));
    if (!tailish) break;
    tail.push(line);
  }
  // tail[] runs bottom-up; find the topmost boilerplate starter.
  let cut = -1;
  for (let i = 0; i < tail.length; i++) {
    const content = text.slice(tail[i].s, tail[i].e);
    if (content.length <= 120 && TRAILING_BOILERPLATE.test(content) && startsAfterBreak(text, tail[i].s, bodyStart)) cut = i;
  }
  if (cut < 0 && tail.length > 0) {
    const last = tail[0];
    const content = text.slice(last.s, last.e);
    // One token ("News.Az", "AZERTAC") or a bracketed note ("(END)"): a short line of words may be a sentence.
    const signature = content.length <= SIGNATURE_MAX && (!/\s/.test(content) || /^[([].*[)\]]$/.test(content)) && !endsWithMark(content, CLAUSE_MARKS);
    if (signature && last.s > bodyStart && precededByBlank(text, last.s)) {
      cut = 0;
      if (meta.outlet === undefined && !/^[([]/.test(content)) {
        meta.outlet = content;
        meta.spans.push({ kind: 'outlet', start: last.s, end: last.e });
      }
    }
  }
  if (cut < 0) return trimEnd(text, bodyStart, text.length);
  for (let i = 0; i <= cut; i++) meta.spans.push({ kind: 'boilerplate', start: tail[i].s, end: tail[i].e });
  return trimEnd(text, bodyStart, tail[cut].s);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function precededByBlank(text: string, s: number): boolean {
  const nl = text.lastIndexOf('\n', s - 1);
  if (nl < 0) return true;
  const prev = text.lastIndexOf('\n', nl - 1);
  const line = lineAt(text, prev + 1);
  return line.s === line.e;
}

function startsAfterBreak(text: string, s: number, bodyStart: number): boolean {
  if (s <= bodyStart || precededByBlank(text, s)) return true;
  const nl = text.lastIndexOf('\n', s - 1);
  const prev = lineAt(text, text.lastIndexOf('\n', nl - 1) + 1);
  const content = text.slice(prev.s, prev.e);
  return endsWithMark(content, SENTENCE_MARKS) || TRAILING_BOILERPLATE.test(content);
}
