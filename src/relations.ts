// **relations** runs the cue rules over an analysed sentence: each cue match takes its
// subject and object from the actors on either side, skips negated or planned
// statements, and attaches date, place and occasion.
import { latin1Text } from './anchors.js';
import { findDates } from './dates.js';
import type { Mention, Registry, SentenceAnalysis } from './entities.js';
import type { Rule, RuleSet } from './rules.js';
import { fits, PREDICATE_SPECS } from './schema.js';
import type { Token } from './text.js';
import type { EntityType, Fact, Qualifiers } from './types.js';

/** What the article has said so far, for references such as "he" or "the sides". */
export interface Context {
  articleId: string;
  dateline?: string;
  /** Node key of the dateline place, when the dateline names one. */
  datelinePlace?: string;
  /** People in order of mention, latest last. */
  people: string[];
  /** Participants of the latest meeting or call. */
  participants: string[];
  /** The person the text is currently about (subject of the latest fact), for "he" and "she". */
  topic?: string;
  /** The latest date, place and occasion the text stated for a fact, for facts that state none. */
  lastDate?: string;
  lastDateParagraph?: number;
  lastPlace?: string;
  lastOccasion?: string;
  /** Organisations in order of mention, for "its". */
  bodies: string[];
}

/** A cue match that produced nothing, and why: for `explain`. */
export interface Miss {
  rule: string;
  sentence: number;
  cue: string;
  reason: 'negated-or-future' | 'no-subject' | 'no-object' | 'type-mismatch';
}

interface Actor {
  /** "its": stands for a body only as a possessive. */
  possessive?: boolean;
  t0: number;
  t1: number;
  start: number;
  end: number;
  keys: string[];
  types: EntityType[];
}

// Words that open another clause: the subject of a cue is never found before them.
const CLAUSE_BREAK = new Set(['accompanied', 'that', 'which', 'who', 'whom', 'whose', 'while', 'whereas', ';', ':', 'where', 'because', 'although']);
// Between a cue and its object only determiners and modifiers may stand: a preposition
// starts another phrase ("information about the measures taken by Azerbaijan").
const OBJECT_STOP = new Set(['about', 'by', 'of', 'for', 'from', 'on', 'in', 'at', 'over', 'regarding', 'against', 'after', 'during', 'under', 'into', 'through', 'concerning', 'amid', 'since', 'until', 'as', 'than', 'like']);
const COORD = new Set([',', 'and', 'the', 'a', 'an', 'as', 'well', 'also', 'both', 'with', '(', ')']);
const OCCASION_CUE = /(?:sidelines|margins|framework|course|close|end|opening) of (?:the )?(?:[\w-]+ ){0,5}$|(?:\bat|\bduring|\bin) (?:the )?$/i;
const PLACE_CUE = /(?:\bin|\bat) (?:the )?$/i;

// ### `actorsOf` resolves the mentions of a sentence that can take part in a fact.
function actorsOf(a: SentenceAnalysis, reg: Registry, ctx: Context): Actor[] {
  const out: Actor[] = [];
  const people: string[] = [...ctx.people];
  for (const m of a.mentions) {
    if (m.inner) continue;
    let keys: string[] = [];
    if (m.kind === 'entity' && m.key) keys = [m.key];
    else if (m.kind === 'pronoun' && (a.tokens[m.t0].fold === 'its' || m.refBody)) {
      const org = ctx.bodies[ctx.bodies.length - 1];
      if (org) keys = [org];
    } else if (m.kind === 'pronoun') {
      const f = a.tokens[m.t0].fold;
      // Possessives ("his deepest condolences") are not actors; "he", "she" and object "her" are.
      // "her counterparts" is a possessive, "thanked her" an object
      if (f === 'his' || (f === 'her' && a.tokens[m.t1]?.word && !/^(?:and|for|on|in|at|to|with|about|as|that)$/.test(a.tokens[m.t1].fold))) continue;
      // "he" is the person the text is about: the subject of the latest fact, else the latest person.
      const last = ctx.topic ?? people[people.length - 1];
      if (last) keys = [last];
    } else if (m.kind === 'groupref') {
      if (ctx.participants.length >= 2) keys = [...ctx.participants];
    } else if (m.kind === 'guestref') {
      // the other side of the meeting: its participants but the one the text is about
      const others = ctx.participants.filter((p) => p !== ctx.topic);
      if (others.length && ctx.participants.length) keys = others;
    } else if (m.kind === 'defref') {
      const k = resolveDefinite(m, reg, people);
      if (k) keys = [k];
    } else if (m.kind === 'title' && m.type === 'Position') {
      continue;
    }
    if (!keys.length) continue;
    const types = keys.map((k) => reg.entities.get(k)?.type ?? (k.slice(0, k.indexOf(':')) as EntityType));
    out.push({ t0: m.t0, t1: m.t1, start: m.start, end: m.end, keys, types, possessive: m.kind === 'pronoun' && a.tokens[m.t0].fold === 'its' });
    if (types[0] === 'Person' && keys.length === 1) people.push(keys[0]);
  }
  return out;
}

// ### `resolveDefinite` finds who "the minister" or "the Turkish top diplomat" is: the latest person whose office fits.
function resolveDefinite(m: Mention, reg: Registry, people: string[]): string | undefined {
  const want = (m.title?.title ?? m.refWord ?? '').toLowerCase().replace(/^(?:top|chief|senior)\s+/, '');
  if (want === 'diplomat' || want === 'foreign minister') return resolveDefinite({ ...m, title: undefined, refWord: 'minister of foreign affairs' }, reg, people);
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i];
    const office = reg.offices.get(p);
    const label = office ? reg.entities.get(office)?.label.toLowerCase() ?? '' : '';
    if (!office) continue;
    if (m.refCountry && !label.endsWith(m.refCountry.toLowerCase())) continue;
    if (label.startsWith(want) || label.includes(want) || (want === 'minister' && label.includes('minister'))) return p;
  }
  return undefined;
}

const tokensBetween = (tokens: Token[], a: number, b: number): Token[] => tokens.slice(Math.min(a, b), Math.max(a, b));

// ### `coordinated` extends a chosen actor into its list: "A, B and C".
function coordinated(actors: Actor[], at: number, dir: 1 | -1, a: SentenceAnalysis, allowed: (t: EntityType) => boolean): Actor[] {
  const list = [actors[at]];
  const covered = (t: number): boolean => a.mentions.some((m) => (m.inner || m.kind === 'title') && t >= m.t0 && t < m.t1);
  // People are listed with people, states and bodies with each other: "In Brazil, Bárcena met"
  // and "..., Afghanistan, and Bhutto-Zardari congratulated" are not lists.
  const kind = (t: EntityType): string => (t === 'Person' ? 'p' : t === 'Country' || t === 'Organization' ? 'c' : t);
  let lastAnd = 0;
  for (let i = at + dir; i >= 0 && i < actors.length; i += dir) {
    const prev = list[list.length - 1];
    const next = actors[i];
    const gap = dir === 1 ? tokensBetween(a.tokens, prev.t1, next.t0) : tokensBetween(a.tokens, next.t1, prev.t0);
    const gapOk = gap.every((t, k) => COORD.has(t.fold) || covered(dir === 1 ? prev.t1 + k : next.t1 + k));
    if (!gapOk || !gap.some((t) => t.fold === 'and' || t.text === ',') || !allowed(next.types[0]) || kind(next.types[0]) !== kind(prev.types[0])) break;
    list.push(next);
    if (gap.some((t) => t.fold === 'and')) lastAnd = list.length;
  }
  // A list ends with "and": "A, B and C". Commas alone ("Istanbul, Türkiye") join nothing;
  // going left the "and" comes first, going right it comes last.
  if (dir === 1) return list.slice(0, Math.max(1, lastAnd));
  if (lastAnd === 0) return list.slice(0, 1);
  return list;
}

// ### `clauseBefore` finds where the clause of a cue starts, and a relative clause to skip.
function clauseBefore(a: SentenceAnalysis, cueT: number): { from: number; skip?: [number, number] } {
  let skip: [number, number] | undefined;
  for (let t = cueT - 1; t >= 0; t--) {
    if (!CLAUSE_BREAK.has(a.tokens[t].fold)) continue;
    // ", who is in Russia on a visit, held talks": a relative clause closed by a comma
    // before the cue is skipped; the subject stands before it.
    const f = a.tokens[t].fold;
    const close = a.tokens.slice(t, cueT).findIndex((x) => x.text === ',');
    if (!skip && (f === 'who' || f === 'which' || f === 'accompanied') && a.tokens[t - 1]?.text === ',' && close > 0) {
      skip = [t - 1, t + close + 1];
      continue;
    }
    return { from: t + 1, skip };
  }
  return { from: 0, skip };
}

function leftCandidates(actors: Actor[], a: SentenceAnalysis, cueT: number, allowed: (t: EntityType) => boolean): { x: Actor; i: number }[] {
  const { from, skip } = clauseBefore(a, cueT);
  let cands = actors.map((x, i) => ({ x, i })).filter(({ x }) => x.t1 <= cueT && x.t0 >= from && allowed(x.types[0]) && !(skip && x.t0 >= skip[0] && x.t1 <= skip[1]));
  // "X, who is in Russia on a visit": the subject of a relative clause is the name before "who".
  if (!cands.length && from > 0 && a.tokens[from - 1].fold === 'who') {
    cands = actors.map((x, i) => ({ x, i })).filter(({ x }) => x.t1 <= from - 1 && allowed(x.types[0]) && x.types[0] === 'Person').slice(-1);
  }
  return cands;
}

function pickLeft(actors: Actor[], a: SentenceAnalysis, cueT: number, allowed: (t: EntityType) => boolean, preferPerson = true): Actor[] {
  // a possessive "its" is never the subject itself ("Its previous meeting took place in ...")
  const cands = leftCandidates(actors, a, cueT, allowed).filter(({ x }) => !preferPerson || !x.possessive);
  if (!cands.length) return [];
  // "Slovakia's support for Ukraine": a possessive right before the cue is its subject.
  const last = cands[cands.length - 1];
  const owner = possessiveOwner(actors, a, cueT);
  if (owner) return [owner];
  // The subject of the clause: the latest person before the cue, else the latest actor.
  const person = preferPerson ? [...cands].reverse().find(({ x }) => x.types[0] === 'Person') : undefined;
  const chosen = person ?? last;
  return coordinated(actors, chosen.i, -1, a, allowed);
}

// ### `possessiveOwner` finds "X's [state|official] <cue>": the owner of a possessive noun phrase.
function possessiveOwner(actors: Actor[], a: SentenceAnalysis, cueT: number): Actor | undefined {
  let t = cueT - 1;
  while (t > 0 && cueT - t <= 3 && a.tokens[t].word && !/^['’]s$/.test(a.tokens[t].text) && !a.tokens[t].cap) t--;
  if (t < 1 || !/^['’]s$/.test(a.tokens[t].text)) return undefined;
  return actors.find((x) => x.t1 === t);
}

// ### `pickClause` takes the subject of the whole clause, its first actor (a person if any):
// in "X held talks with Y on a three-day visit to Z" the visitor is X, not Y.
function pickClause(actors: Actor[], a: SentenceAnalysis, cueT: number, allowed: (t: EntityType) => boolean): Actor[] {
  // Inside "X, who is in Russia at the invitation of Y": the clause is about X.
  const { from } = clauseBefore(a, cueT);
  if (from > 0 && a.tokens[from - 1].fold === 'who') {
    const antecedent = actors.filter((x) => x.t1 <= from - 1 && x.types[0] === 'Person' && allowed(x.types[0])).pop();
    if (antecedent) return [antecedent];
  }
  const cands = leftCandidates(actors, a, cueT, allowed);
  if (!cands.length) return [];
  const owner = possessiveOwner(actors, a, cueT);
  if (owner && allowed(owner.types[0])) return [owner];
  const chosen = cands.find(({ x }) => x.types[0] === 'Person') ?? cands[0];
  return coordinated(actors, chosen.i, 1, a, allowed).filter((x) => x.t1 <= cueT);
}

// ### `everyLeft` takes every allowed actor of the clause before the cue.
function everyLeft(actors: Actor[], a: SentenceAnalysis, cueT: number, allowed: (t: EntityType) => boolean): Actor[] {
  // the subject with its list, and the people between it and the cue ("X met Y on the sidelines of E")
  const first = pickClause(actors, a, cueT, allowed);
  if (!first.length) return [];
  const after = Math.max(...first.map((x) => x.t1));
  const between = actors.filter((x) => x.t0 >= after && x.t1 <= cueT && allowed(x.types[0]) && x.types[0] === first[0].types[0]);
  return [...first, ...between];
}

function pickRight(actors: Actor[], a: SentenceAnalysis, cueEndT: number, allowed: (t: EntityType) => boolean): Actor[] {
  for (let i = 0; i < actors.length; i++) {
    const x = actors[i];
    if (x.t0 < cueEndT) continue;
    // Words inside other names ("U.S. Secretary of State") do not count as stops.
    // Words inside other names ("U.S. Secretary of State") or a kind of place ("the city of") do not count as stops.
    const raw = tokensBetween(a.tokens, cueEndT, x.t0);
    const placeKind = raw.length >= 2 && raw[raw.length - 1].fold === 'of' && /^(?:city|town|capital|village|port|province|region|district)$/.test(raw[raw.length - 2].fold);
    const gap = (placeKind ? raw.slice(0, -2) : raw).filter((t) => !a.mentions.some((m) => (m.inner || m.kind === 'title') && t.start >= m.start && t.end <= m.end));
    if (gap.some((t) => CLAUSE_BREAK.has(t.fold) || OBJECT_STOP.has(t.fold) || t.text === '.') || gap.length > 12) return [];
    if (!allowed(x.types[0])) continue;
    return coordinated(actors, i, 1, a, allowed);
  }
  return [];
}

// ### `tokenAt` gives the index of the first token starting at or after an offset.
function tokenAt(tokens: Token[], offset: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i].start < offset) i++;
  return i;
}

// chrono is the slowest step of all: parse each sentence once.
const dateCache = new WeakMap<object, ReturnType<typeof findDates>>();
function datesOf(s: SentenceAnalysis['sentence'], ctx: Context): ReturnType<typeof findDates> {
  let d = dateCache.get(s);
  if (!d) {
    d = findDates(s.text, s.start, ctx.dateline);
    dateCache.set(s, d);
  }
  return d;
}

// ### `qualifiersFor` reads the date, place and occasion a sentence states for a fact.
function qualifiersFor(a: SentenceAnalysis, ctx: Context, exclude: Set<string>, text: string, cueStart: number, cueEnd: number): Qualifiers {
  const q: Qualifiers = {};
  const s = a.sentence;
  // The date nearest the cue; else the date the paragraph is about; else the dateline.
  const dates = datesOf(s, ctx);
  const near = (x: { start: number; end: number }): number => (x.start >= cueEnd ? x.start - cueEnd : x.end <= cueStart ? cueStart - x.end + 1 : 0);
  if (dates.length) q.date = [...dates].sort((x, y) => near(x) - near(y))[0].iso;
  else if (ctx.lastDate && (ctx.lastDateParagraph === s.paragraph || !ctx.dateline)) q.date = ctx.lastDate;
  else if (ctx.dateline && ctx.dateline.length === 10) q.date = ctx.dateline;
  let place: { key: string; d: number } | undefined;
  for (const m of a.mentions) {
    if (m.inner || m.kind !== 'entity' || !m.key) continue;
    // the sentence's own text has line wraps as spaces
    const before = s.text.slice(Math.max(0, m.start - s.start - 60), m.start - s.start);
    if (m.type === 'Event' && !q.occasion && OCCASION_CUE.test(before)) q.occasion = m.key;
    // The place of a fact is said near its cue: a place far after it belongs to another phrase.
    if ((m.type === 'Location' || m.type === 'Country') && !exclude.has(m.key) && m.start <= cueEnd + 40 && PLACE_CUE.test(before)) {
      const d = near(m);
      if (!place || d < place.d) place = { key: m.key, d };
    }
  }
  if (place) q.place = place.key;
  // What the article set earlier still holds: the meetings of a visit happen where and at what it was.
  if (!q.place && ctx.lastPlace) q.place = ctx.lastPlace;
  if (!q.place && ctx.datelinePlace) q.place = ctx.datelinePlace;
  if (!q.occasion && ctx.lastOccasion) q.occasion = ctx.lastOccasion;
  return q;
}

// ### `applyRules` runs every cue rule on one sentence and returns its facts and misses.
export function applyRules(a: SentenceAnalysis, rules: RuleSet, reg: Registry, ctx: Context, text: string): { facts: Fact[]; misses: Miss[] } {
  const facts: Fact[] = [];
  const misses: Miss[] = [];
  const actors = actorsOf(a, reg, ctx);
  const s = a.sentence;
  const lower = s.text.toLowerCase();
  // Lowercasing keeps offsets unless a letter lowercases to two ("İ"): then the `iu` cue runs.
  const sameOffsets = lower.length === s.text.length;
  const narrow = sameOffsets ? latin1Text(lower) : undefined;
  const may = rules.triggers.scan(lower, new Uint8Array(rules.rules.length));
  for (let r = 0; r < rules.rules.length; r++) {
    const rule = rules.rules[r];
    if (!rule.re || !may[r]) continue;
    const [re, subject] = rule.lower && sameOffsets ? [rule.lower, rule.ascii && narrow !== undefined ? narrow : lower] : [rule.re, s.text];
    re.lastIndex = 0;
    for (let m = re.exec(subject); m !== null; m = re.exec(subject)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const cueStart = s.start + m.index;
      const cueEnd = cueStart + m[0].length;
      const cueT = tokenAt(a.tokens, cueStart);
      const cueEndT = tokenAt(a.tokens, cueEnd);
      const made = applyRule(rule, a, actors, cueT, cueEndT, cueStart, cueEnd, rules, ctx, text, misses);
      facts.push(...made);
    }
  }
  // Remember who met or spoke, so "the sides" and "the two ministers" can refer back.
  const persons = new Set(facts.filter((f) => f.subject.startsWith('Person:') && !['holdsPosition', 'counterpartOf'].includes(f.predicate)).map((f) => f.subject));
  if (persons.size >= 2) ctx.participants = [...persons];
  for (const f of facts) {
    if (f.predicate === 'metWith' || f.predicate === 'spokeWith') {
      const ps = new Set(facts.filter((x) => x.predicate === f.predicate).flatMap((x) => [x.subject, x.object]));
      ctx.participants = [...ps];
      break;
    }
  }
  // Remember what this sentence stated, for the facts of later sentences.
  const stated = datesOf(s, ctx);
  if (stated.length) {
    ctx.lastDate = stated[0].iso;
    ctx.lastDateParagraph = s.paragraph;
  }
  for (const f of facts) {
    if (f.predicate === 'visited' && f.object.startsWith('Location:')) ctx.lastPlace = f.object;
    if (f.predicate === 'attended') ctx.lastOccasion = f.object;
  }
  for (const m of a.mentions) {
    if (m.inner || m.kind !== 'entity' || !m.key) continue;
    // the sentence's own text has line wraps as spaces
    const before = s.text.slice(Math.max(0, m.start - s.start - 60), m.start - s.start);
    if (m.type === 'Event' && OCCASION_CUE.test(before)) ctx.lastOccasion = m.key;
    if (m.type === 'Location' && /\b(?:in|to|at)\s+(?:the\s+)?$/i.test(before) && facts.some((f) => f.predicate !== 'locatedIn')) ctx.lastPlace = m.key;
  }
  const subjectOf = facts.find((f) => f.subject.startsWith('Person:'));
  if (subjectOf) ctx.topic = subjectOf.subject;
  else {
    const first = actors.find((x) => x.types[0] === 'Person' && x.keys.length === 1);
    if (first && first.t0 <= 2) ctx.topic = first.keys[0];
  }
  for (const x of actors) {
    if (x.types[0] === 'Person' && x.keys.length === 1) ctx.people.push(x.keys[0]);
    if (x.types[0] === 'Organization' && x.keys.length === 1) ctx.bodies.push(x.keys[0]);
  }
  // References reach back a few paragraphs, not a whole book: keep the memory short so a
  // huge article costs time in proportion to its length.
  if (ctx.people.length > 64) ctx.people.splice(0, ctx.people.length - 64);
  if (ctx.bodies.length > 64) ctx.bodies.splice(0, ctx.bodies.length - 64);
  return { facts, misses };
}

function applyRule(rule: Rule, a: SentenceAnalysis, actors: Actor[], cueT: number, cueEndT: number, cueStart: number, cueEnd: number, rules: RuleSet, ctx: Context, text: string, misses: Miss[]): Fact[] {
  const p = rule.predicate;
  const spec = PREDICATE_SPECS[p];
  const inDomain = (t: EntityType): boolean => spec.domain.includes(t);
  const inRange = (t: EntityType): boolean => spec.range.includes(t);
  const miss = (reason: Miss['reason']): Fact[] => {
    misses.push({ rule: rule.id, sentence: a.sentence.index, cue: text.slice(cueStart, cueEnd), reason });
    return [];
  };
  const pairs = rule.mode === 'pairs';
  const either = (t: EntityType): boolean => inDomain(t) || inRange(t);
  const inside = (allowed: (t: EntityType) => boolean): Actor[] => actors.filter((x) => x.t0 >= cueT && x.t1 <= cueEndT && allowed(x.types[0])).slice(0, 1);
  const subj = rule.subject === 'left' && rule.mode === 'each' ? everyLeft(actors, a, cueT, inDomain) : rule.subject === 'clause' ? pickClause(actors, a, cueT, inDomain) : rule.subject === 'left' ? pickLeft(actors, a, cueT, pairs ? either : inDomain) : rule.subject === 'right' ? pickRight(actors, a, cueEndT, inDomain) : rule.subject === 'inside' ? inside(inDomain) : [];
  const obj = rule.object === 'right' ? pickRight(actors, a, cueEndT, pairs ? either : inRange) : rule.object === 'left' ? pickLeft(actors, a, cueT, inRange, false) : rule.object === 'inside' ? inside(inRange) : rule.object === 'clause' ? pickClause(actors, a, cueT, inRange) : [];
  // Negation and plans: look between the subject (or the clause start) and the cue.
  // A relative clause between them (", who arrived to attend ...,") says nothing about this cue.
  const skipped = clauseBefore(a, cueT).skip;
  const afterSkip = skipped ? a.tokens[Math.min(skipped[1], a.tokens.length - 1)].start : 0;
  const left = Math.max(afterSkip, subj.length && (rule.subject === 'left' || rule.subject === 'clause') ? Math.max(...subj.map((x) => x.end)) : Math.max(a.sentence.start, cueStart - 40));
  const window = text.slice(Math.min(left, cueStart), cueStart) + ' ' + text.slice(cueStart, cueEnd);
  if (rule.modality !== 'ignore' && rules.modality.test(window.replace(/\s+/g, ' '))) return miss('negated-or-future');
  const participants = [...subj, ...obj];
  const out: Fact[] = [];
  const keysOf = (xs: Actor[]): string[] => [...new Set(xs.flatMap((x) => x.keys))];
  const exclude = new Set(keysOf(participants));
  const emit = (s: string, o: string, sa: Actor, oa: Actor): void => {
    if (s === o) return;
    const st = s.slice(0, s.indexOf(':')) as EntityType;
    const ot = o.slice(0, o.indexOf(':')) as EntityType;
    if (!fits(p, st, ot)) return;
    const start = Math.min(sa.start, oa.start, cueStart);
    const end = Math.max(sa.end, oa.end, cueEnd);
    out.push({
      subject: s,
      predicate: p,
      object: o,
      qualifiers: qualifiersFor(a, ctx, exclude, text, cueStart, cueEnd),
      provenance: { source: ctx.articleId, sentence: a.sentence.index, start, end, evidence: text.slice(start, end), rule: rule.id },
    });
  };
  if (pairs) {
    // "A and B met", "talks between A and B": every two participants, when there are two or more.
    const flat: { k: string; x: Actor }[] = [];
    for (const x of participants) for (const k of x.keys) if (!flat.some((f) => f.k === k)) flat.push({ k, x });
    if (flat.length < 2) return miss('no-object');
    for (let i = 0; i < flat.length; i++) for (let j = i + 1; j < flat.length; j++) emit(flat[i].k, flat[j].k, flat[i].x, flat[j].x);
    return out;
  }
  // "In a telephone conversation with X on October 10, Pashinyan said": the subject follows the phrase.
  if (!subj.length && rule.subject === 'left' && /^(?:in|during|at|on|after|following|before|upon)\b/i.test(a.sentence.text) && obj.length) {
    const after = Math.max(...obj.map((x) => x.t1));
    const comma = a.tokens.findIndex((t, i) => i >= after && t.text === ',');
    const next = comma >= 0 ? actors.find((x) => x.t0 > comma && inDomain(x.types[0])) : undefined;
    const between = next ? a.tokens.slice(comma + 1, next.t0) : [];
    const inName = (t: Token): boolean => a.mentions.some((m) => (m.inner || m.kind === 'title') && t.start >= m.start && t.end <= m.end);
    if (next && between.every((t) => inName(t) || t.fold === 'the')) subj.push(next);
  }
  if (!subj.length) return miss('no-subject');
  if (!obj.length) return miss('no-object');
  for (const sa of subj) for (const s of sa.keys) for (const oa of obj) for (const o of oa.keys) emit(s, o, sa, oa);
  if (!out.length) return miss('type-mismatch');
  return out;
}

