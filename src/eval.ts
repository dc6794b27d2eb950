// **eval** scores extracted graphs against gold annotations with the same metrics as the
// project's shared scorer: triple and entity precision/recall/F1 per predicate and type,
// qualifier accuracy and provenance validity. Users curating their own rules measure with it.
import { PREDICATE_SPECS } from './schema.js';
import { ENTITY_TYPES, PREDICATES, type Predicate } from './types.js';

export interface GoldEntity { name: string; type: string; aliases?: string[]; optional?: boolean }
export interface GoldTriple { s: string; p: string; o: string; qualifiers?: Record<string, unknown>; evidence?: string; optional?: boolean }
export interface Gold { article: string; dateline?: string | null; entities: GoldEntity[]; triples: GoldTriple[] }

/** The parts of a graphology export the scorer reads. */
export interface SystemGraph {
  nodes?: { key: string; attributes?: { label?: string; type?: string; aliases?: string[] } }[];
  edges?: { source: string; target: string; attributes?: Record<string, unknown> & { predicate?: string; provenance?: unknown } }[];
}

export interface Counts { tp: number; sys: number; gold: number }
export interface Prf extends Counts { p: number; r: number; f: number }

export interface ArticleScore {
  id: string;
  triples: Prf;
  entities: Prf;
  /** Required gold facts not found, spurious system facts, entity misses, wrong qualifiers, bad provenance. */
  fn: string[];
  fp: string[];
  entFn: string[];
  entFp: string[];
  qualWrong: string[];
  provBad: string[];
}

export interface Summary {
  articles: number;
  missing: string[];
  triples: Prf;
  entities: Prf;
  byPredicate: Record<string, Prf>;
  byType: Record<string, Prf>;
  qualifierAccuracy: number | null;
  provenanceValid: number | null;
}

const TYPES = new Set<string>(ENTITY_TYPES);
const PROVENANCE_FIELDS = ['source', 'sentence', 'start', 'end', 'evidence', 'rule'];
const isPredicate = (p: unknown): p is Predicate => typeof p === 'string' && (PREDICATES as readonly string[]).includes(p);

// ### `norm` compares names as the shared scorer does: no diacritics, case or punctuation, no leading "the".
export function norm(name: string): string {
  return String(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface Index { byName: Map<string, number>; byCanonical: Map<string, number>; byPositionKey: Map<string, number> }

export function goldIndex(gold: Gold): Index {
  const byName = new Map<string, number>();
  gold.entities.forEach((e, i) => {
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = norm(n);
      if (k && !byName.has(k)) byName.set(k, i);
    }
  });
  const byCanonical = new Map(gold.entities.map((e, i) => [e.name, i]));
  // Offices also match by parts: the same title held by the same gold state or body.
  const byPositionKey = new Map<string, number>();
  gold.entities.forEach((e, i) => {
    if (e.type !== 'Position') return;
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = positionKey(n, byName);
      if (k && !byPositionKey.has(k)) byPositionKey.set(k, i);
    }
  });
  return { byName, byCanonical, byPositionKey };
}

// "<Title> of <Holder>[ to <Country>]" → "title|holderIndex|toIndex".
function positionKey(label: string, byName: Map<string, number>): string | undefined {
  const text = String(label);
  let to: number | string = '';
  let head = text;
  const t = text.lastIndexOf(' to ');
  if (t > 0 && byName.has(norm(text.slice(t + 4)))) {
    to = byName.get(norm(text.slice(t + 4)))!;
    head = text.slice(0, t);
  }
  for (let at = head.indexOf(' of '); at > 0; at = head.indexOf(' of ', at + 1)) {
    const holder = byName.get(norm(head.slice(at + 4)));
    if (holder !== undefined) return `${norm(head.slice(0, at))}|${holder}|${to}`;
  }
  return undefined;
}

export function matchNode(attrs: { label?: string; type?: string; aliases?: string[] }, idx: Index): number | undefined {
  const names = [attrs.label ?? '', ...(attrs.aliases ?? [])];
  for (const n of names) {
    const hit = idx.byName.get(norm(n));
    if (hit !== undefined) return hit;
  }
  if (attrs.type === 'Position') {
    for (const n of names) {
      const k = positionKey(n, idx.byName);
      if (k && idx.byPositionKey.has(k)) return idx.byPositionKey.get(k);
    }
  }
  return undefined;
}

const tripleKey = (s: number, p: string, o: number): string =>
  isPredicate(p) && PREDICATE_SPECS[p].symmetric && o < s ? `${o}|${p}|${s}` : `${s}|${p}|${o}`;

export function prf(c: Counts): Prf {
  const p = c.sys ? c.tp / c.sys : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { ...c, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function provenanceProblem(p: unknown, text: string | undefined, id: string): string | null {
  if (!Array.isArray(p) || p.length === 0) return 'no provenance';
  for (const m of p as Record<string, unknown>[]) {
    for (const f of PROVENANCE_FIELDS) if (m[f] === undefined) return `provenance lacks ${f}`;
    if (m.source !== id) return `source ${JSON.stringify(m.source)} is not ${id}`;
    if (text !== undefined && text.slice(m.start as number, m.end as number) !== m.evidence) return `offsets ${m.start}-${m.end} do not hold the evidence`;
  }
  return null;
}

interface Raw { ent: Counts & { byType: Record<string, Counts> }; tri: Counts & { byPred: Record<string, Counts> }; qual: { correct: number; total: number }; prov: { edges: number; ok: number }; score: ArticleScore }

// ### `scoreArticle` compares one system graph with one gold file.
export function scoreArticle(gold: Gold, graph: SystemGraph, text?: string): Raw {
  const idx = goldIndex(gold);
  const nodeGold = new Map<string, number>();
  const nodes = graph.nodes ?? [];
  const labelOf = (key: string): string => nodes.find((x) => x.key === key)?.attributes?.label ?? key;
  const ent = { tp: 0, sys: 0, gold: gold.entities.filter((e) => !e.optional).length, byType: {} as Record<string, Counts> };
  const entFp: string[] = [];
  const entFn: string[] = [];
  const seenGold = new Set<number>();
  const bt = (t: string): Counts => (ent.byType[t] ??= { tp: 0, sys: 0, gold: 0 });
  for (const n of nodes) {
    const a = n.attributes ?? {};
    if (!a.type || !TYPES.has(a.type)) continue;
    ent.sys++;
    const g = matchNode(a, idx);
    if (g !== undefined) nodeGold.set(n.key, g);
    bt(a.type).sys++;
    if (g !== undefined && gold.entities[g].type === a.type && !seenGold.has(g)) {
      seenGold.add(g);
      if (gold.entities[g].optional) {
        ent.sys--;
        bt(a.type).sys--;
      } else {
        ent.tp++;
        bt(a.type).tp++;
      }
    } else entFp.push(`${a.label} (${a.type})`);
  }
  gold.entities.forEach((e, i) => {
    if (e.optional) return;
    bt(e.type).gold++;
    if (!seenGold.has(i)) entFn.push(`${e.name} (${e.type})`);
  });

  const required = new Set<string>();
  const optional = new Set<string>();
  const goldQual = new Map<string, Record<string, unknown>>();
  for (const t of gold.triples) {
    const s = idx.byCanonical.get(t.s);
    const o = idx.byCanonical.get(t.o);
    if (s === undefined || o === undefined) throw new Error(`${gold.article}: triple names unknown entity: ${t.s} / ${t.o}`);
    const k = tripleKey(s, t.p, o);
    (t.optional ? optional : required).add(k);
    if (t.qualifiers) goldQual.set(k, t.qualifiers);
  }
  for (const k of required) optional.delete(k);

  const sysKeys = new Map<string, Record<string, unknown>>();
  const unmapped: string[] = [];
  const prov = { edges: 0, ok: 0 };
  const provBad: string[] = [];
  for (const e of graph.edges ?? []) {
    const a = e.attributes ?? {};
    if (!isPredicate(a.predicate)) continue;
    prov.edges++;
    const why = provenanceProblem(a.provenance, text, gold.article);
    if (why) provBad.push(`${a.predicate} ${e.source}->${e.target}: ${why}`);
    else prov.ok++;
    const s = nodeGold.get(e.source);
    const o = nodeGold.get(e.target);
    if (s === undefined || o === undefined) {
      unmapped.push(`${labelOf(e.source)} ${a.predicate} ${labelOf(e.target)}`);
      continue;
    }
    const k = tripleKey(s, a.predicate, o);
    if (!sysKeys.has(k)) sysKeys.set(k, a);
  }

  const tri = { tp: 0, sys: sysKeys.size + unmapped.length, gold: required.size, byPred: {} as Record<string, Counts> };
  const fp = [...unmapped];
  const fn: string[] = [];
  const qual = { correct: 0, total: 0 };
  const qualWrong: string[] = [];
  const name = (k: string): string => k.split('|').map((x, j) => (j === 1 ? x : gold.entities[+x].name)).join(' ');
  const bp = (p: string): Counts => (tri.byPred[p] ??= { tp: 0, sys: 0, gold: 0 });
  for (const [k, a] of sysKeys) {
    const p = k.split('|')[1];
    bp(p).sys++;
    if (required.has(k) || optional.has(k)) {
      if (required.has(k)) {
        tri.tp++;
        bp(p).tp++;
      } else {
        tri.sys--;
        bp(p).sys--;
      }
      const q = goldQual.get(k);
      if (q) {
        for (const [field, want] of Object.entries(q)) {
          if (field === 'topics') continue; // free text: not scored
          qual.total++;
          let got = a[field] as string | undefined;
          if (got !== undefined && (field === 'place' || field === 'occasion')) {
            const node = nodes.find((x) => x.key === got);
            const g = node ? matchNode(node.attributes ?? {}, idx) : undefined;
            got = g === undefined ? `?${got}` : gold.entities[g].name;
          }
          if (got === want) qual.correct++;
          else qualWrong.push(`${name(k)}: ${field} ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        }
      }
    } else fp.push(name(k));
  }
  for (const u of unmapped) bp(u.split(' ').find((w) => isPredicate(w)) ?? '?').sys++;
  for (const k of required) {
    bp(k.split('|')[1]).gold++;
    if (!sysKeys.has(k)) fn.push(name(k));
  }
  const score: ArticleScore = { id: gold.article, triples: prf(tri), entities: prf(ent), fn, fp, entFn, entFp, qualWrong, provBad };
  return { ent, tri, qual, prov, score };
}

// ### `summarize` adds up article scores into corpus figures; `missing` lists gold files with no graph.
export function summarize(golds: Gold[], graphs: Map<string, SystemGraph>, texts: Map<string, string>): { summary: Summary; perArticle: ArticleScore[] } {
  const total = { ent: { tp: 0, sys: 0, gold: 0 }, tri: { tp: 0, sys: 0, gold: 0 }, byPred: {} as Record<string, Counts>, byType: {} as Record<string, Counts>, qual: { correct: 0, total: 0 }, prov: { edges: 0, ok: 0 } };
  const missing: string[] = [];
  const perArticle: ArticleScore[] = [];
  const add = (into: Record<string, Counts>, from: Record<string, Counts>): void => {
    for (const [k, v] of Object.entries(from)) {
      const t = (into[k] ??= { tp: 0, sys: 0, gold: 0 });
      t.tp += v.tp;
      t.sys += v.sys;
      t.gold += v.gold;
    }
  };
  for (const gold of golds) {
    const graph = graphs.get(gold.article);
    if (!graph) {
      missing.push(gold.article);
      total.tri.gold += gold.triples.filter((t) => !t.optional).length;
      total.ent.gold += gold.entities.filter((e) => !e.optional).length;
      continue;
    }
    const r = scoreArticle(gold, graph, texts.get(gold.article));
    for (const k of ['tp', 'sys', 'gold'] as const) {
      total.ent[k] += r.ent[k];
      total.tri[k] += r.tri[k];
    }
    add(total.byPred, r.tri.byPred);
    add(total.byType, r.ent.byType);
    total.qual.correct += r.qual.correct;
    total.qual.total += r.qual.total;
    total.prov.edges += r.prov.edges;
    total.prov.ok += r.prov.ok;
    perArticle.push(r.score);
  }
  const sorted = (o: Record<string, Counts>): Record<string, Prf> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, prf(v)]));
  return {
    summary: {
      articles: golds.length,
      missing,
      triples: prf(total.tri),
      entities: prf(total.ent),
      byPredicate: sorted(total.byPred),
      byType: sorted(total.byType),
      qualifierAccuracy: total.qual.total ? total.qual.correct / total.qual.total : null,
      provenanceValid: total.prov.edges ? total.prov.ok / total.prov.edges : null,
    },
    perArticle,
  };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

// ### `formatReport` prints the figures as the shared scorer does, line for line.
export function formatReport(summary: Summary, perArticle: ArticleScore[], verbose: boolean): string[] {
  const out: string[] = [];
  if (verbose) {
    for (const a of perArticle) {
      out.push('', `## ${a.id}  triples P ${pct(a.triples.p)} R ${pct(a.triples.r)}  entities P ${pct(a.entities.p)} R ${pct(a.entities.r)}`);
      for (const x of a.fn) out.push(`  missed   ${x}`);
      for (const x of a.fp) out.push(`  spurious ${x}`);
      for (const x of a.entFn) out.push(`  missed entity   ${x}`);
      for (const x of a.entFp) out.push(`  spurious entity ${x}`);
      for (const x of a.qualWrong) out.push(`  qualifier ${x}`);
      for (const x of a.provBad.slice(0, 5)) out.push(`  provenance ${x}`);
    }
    out.push('');
  }
  out.push('predicate                 tp  sys gold     P     R    F1');
  for (const [p, v] of Object.entries(summary.byPredicate)) out.push(`${p.padEnd(24)}${String(v.tp).padStart(4)}${String(v.sys).padStart(5)}${String(v.gold).padStart(5)} ${pct(v.p)} ${pct(v.r)} ${pct(v.f)}`);
  out.push('', 'type                      tp  sys gold     P     R    F1');
  for (const [t, v] of Object.entries(summary.byType)) out.push(`${t.padEnd(24)}${String(v.tp).padStart(4)}${String(v.sys).padStart(5)}${String(v.gold).padStart(5)} ${pct(v.p)} ${pct(v.r)} ${pct(v.f)}`);
  if (summary.missing.length) out.push('', `no system graph for: ${summary.missing.join(', ')}`);
  const q = summary.qualifierAccuracy;
  const pv = summary.provenanceValid;
  out.push('', `entities P ${pct(summary.entities.p)} R ${pct(summary.entities.r)} F1 ${pct(summary.entities.f)}`);
  out.push(`qualifiers ${q === null ? 'n/a' : pct(q)}   provenance valid ${pv === null ? 'n/a' : pct(pv)}`);
  out.push(`triples P ${pct(summary.triples.p)} R ${pct(summary.triples.r)} F1 ${pct(summary.triples.f)}`);
  return out;
}
