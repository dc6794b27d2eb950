#!/usr/bin/env node
// **bench** measures newskg on a seeded synthetic corpus of news-like articles (issue 7):
// `npm run bench -- [--mb 1] [--jobs N] [--keep DIR]`. It uses the compiled dist/ (npm run build first).
//
// Stages run one after the other in this process (ingest, extract, graph, each export), then the
// baselines on the same data (n3's StreamWriter alone, a plain streaming GraphML write), then the
// whole CLI build in a fresh process per `--jobs` value, for end-to-end speed and peak RSS.
/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StreamWriter } from 'n3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (m) => import(new URL(`../dist/${m}`, import.meta.url).href);
const { values: opt } = parseArgs({ options: { mb: { type: 'string', default: '1' }, jobs: { type: 'string' }, keep: { type: 'string' }, seed: { type: 'string', default: '7' }, child: { type: 'string' } } });

// ---------------------------------------------------------------------------------------------
// The corpus

// ### `rng` is mulberry32: small, seeded, the same stream on every machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const json = (p) => JSON.parse(readFileSync(join(ROOT, 'data', p), 'utf8'));
const FIRST = ['Jeyhun', 'Sergey', 'Hakan', 'Murat', 'Ilia', 'Rastislav', 'José', 'Søren', 'Łukasz', 'Zoë', 'Đorđe', 'Ayşe', 'Jürgen', 'François', 'Nguyễn', 'Björn', 'Mirzo', 'Ahmad', 'Olena', 'Kwame', 'Ana', 'Tomáš', 'Ilham', 'Ngozi', 'Mehmet'];
const LAST = ['Bayramov', 'Lavrov', 'Fidan', 'Nurtleu', 'Darchiashvili', 'Káčer', 'Müller', 'Øvergaard', 'Wiśniewski', 'Erdoğan', 'Dvořák', 'Çelik', 'Đukić', 'Lefèvre', 'Ström', 'Saidov', 'Karimi', 'Kovalenko', 'Mensah', 'Pérez', 'Novák', 'Aliyev', 'Okonjo', 'Yılmaz', 'Ó Briain'];
const TITLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defence Minister', 'Deputy Foreign Minister', 'Minister of Economy', 'Speaker of Parliament', 'Ambassador'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORGS = ['the Organization of Turkic States', 'the Collective Security Treaty Organization', 'the Organization of Islamic Cooperation', 'the United Nations', 'NATO', 'the European Union'];
const EVENTS = ['the 78th session of the UN General Assembly', 'the meeting of the CIS Council of Foreign Ministers', 'the Antalya Diplomacy Forum', 'the Munich Security Conference'];

// Constructions the rules handle (shaped like the `examples` of data/rules/*.json); A and B are
// officials ("Azerbaijani Foreign Minister Jeyhun Bayramov"), a and b their surnames on later mention.
const FACT_SENTENCES = [
  '{A} met with {B} in {CAP}.', '{A} held talks with his {DB} counterpart {Bn} in {CAP} on {DATE}.', '{A} had a phone call with {B}.',
  '{A} has arrived in {CAP} on a visit.', '{A} is on an official visit to {C2}.', '{A} hosted {B} in {CAP}.',
  '{A} took part in {EV}.', '{A} met {B} on the sidelines of {EV}.', '{C1} and {C2} signed the {CAP} Declaration on {DATE}.',
  '{A} offered his deepest condolences to the people of {C2}.', '{A} thanked {C2} for its hospitality.',
  '{A} congratulated {B} on his re-election.', '{A} briefed {B} on the situation in the region.', '{A} invited {B} to visit {C1}.',
  '{A} expressed support for {C2}.', '{A} condemned {C2}.', '{C1} joined {ORG} in {YEAR}.',
  '“We discussed the prospects of our cooperation,” {a} said after meeting {b}.', '{a} told reporters that {C1}’s position had not changed.',
];
const FILLER = [
  'The sides exchanged views on regional and international issues of mutual interest.', 'Trade turnover between the two countries grew by {N} percent last year.',
  'The parties stressed the importance of the “{C1}–{C2}” format for dialogue.', 'Earlier, the ministry said the talks would focus on energy, transport and connectivity.',
  'According to the press service, the meeting lasted about {N} minutes.', 'Analysts say the visit may open a new chapter in relations.',
  'The next round of consultations is planned for {MONTH}.', 'Officials did not give further details.',
];
const WIRES = ['AZERTAC', 'AzerNews', 'Trend News Agency', 'Kazinform'];

// ### `corpus` writes about `mb` MB of articles into `dir` and returns their count and bytes.
function corpus(dir, mb, seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const countries = json('gazetteers/countries.json').filter((c) => c.demonyms?.length && c.capital?.length);
  mkdirSync(dir, { recursive: true });
  let bytes = 0, n = 0;
  while (bytes < mb * 1e6) {
    const c1 = pick(countries), c2 = pick(countries);
    const person = (c) => ({ c, title: pick(TITLES), first: pick(FIRST), last: pick(LAST) });
    const p = person(c1), q = person(c2);
    const day = 1 + Math.floor(r() * 28), month = Math.floor(r() * 12), year = 2015 + Math.floor(r() * 10);
    let seenA = false, seenB = false;
    const fill = (s) => s.replace(/\{(\w+)\}/g, (_, k) => {
      switch (k) {
        case 'A': { const t = seenA ? `${p.first} ${p.last}` : `${p.c.demonyms[0]} ${p.title} ${p.first} ${p.last}`; seenA = true; return t; }
        case 'B': { const t = seenB ? `${q.first} ${q.last}` : `${q.c.demonyms[0]} ${q.title} ${q.first} ${q.last}`; seenB = true; return t; }
        case 'Bn': seenB = true; return `${q.first} ${q.last}`;
        case 'DB': return q.c.demonyms[0];
        case 'a': return seenA ? p.last : (seenA = true, `${p.c.demonyms[0]} ${p.title} ${p.first} ${p.last}`);
        case 'b': return seenB ? q.last : (seenB = true, `${q.c.demonyms[0]} ${q.title} ${q.first} ${q.last}`);
        case 'C1': return c1.label;
        case 'C2': return c2.label;
        case 'CAP': return pick([c1, c2]).capital[0];
        case 'EV': return pick(EVENTS);
        case 'ORG': return pick(ORGS);
        case 'DATE': return `${MONTHS[month]} ${day}`;
        case 'YEAR': return String(1991 + Math.floor(r() * 30));
        case 'MONTH': return MONTHS[Math.floor(r() * 12)];
        case 'N': return String(2 + Math.floor(r() * 90));
        default: return k;
      }
    });
    const paragraphs = [];
    for (let i = 0, m = 2 + Math.floor(r() * 5); i < m; i++) {
      const sentences = [];
      for (let j = 0, k = 1 + Math.floor(r() * 4); j < k; j++) sentences.push(fill(r() < 0.55 ? pick(FACT_SENTENCES) : pick(FILLER)));
      paragraphs.push(sentences.join(' '));
    }
    const head = `${c1.capital[0]}, ${MONTHS[month]} ${day}, ${year}, ${pick(WIRES)}\n\n`;
    const text = `${head}${paragraphs.join('\n\n')}\n`;
    const name = `bench-${String(n++).padStart(6, '0')}.txt`;
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { articles: n, bytes };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const time = async (f) => {
  const t = performance.now();
  const value = await f();
  return { value, s: (performance.now() - t) / 1000 };
};
const toFile = async (path, chunks) => {
  const out = createWriteStream(path);
  for (const c of chunks) if (!out.write(c)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
};

// ### `plainGraphml` is the baseline: the same nodes and edges with escaped attributes, streamed, no layout.
function* plainGraphml(graph) {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="label" for="node" attr.name="label" attr.type="string"/>\n<key id="type" for="node" attr.name="type" attr.type="string"/>\n<key id="p" for="edge" attr.name="predicate" attr.type="string"/>\n<key id="s" for="edge" attr.name="statements" attr.type="string"/>\n<graph edgedefault="directed">\n';
  let buf = '';
  const ids = new Map();
  graph.forEachNode((n, a) => {
    ids.set(n, `n${ids.size}`);
    buf += `<node id="${ids.get(n)}"><data key="label">${esc(a.label)}</data><data key="type">${a.type}</data></node>\n`;
  });
  yield buf;
  buf = '';
  let i = 0;
  graph.forEachEdge((e, a, s, t) => {
    buf += `<edge id="e${i++}" source="${ids.get(s)}" target="${ids.get(t)}"><data key="p">${a.predicate}</data><data key="s">${esc(JSON.stringify(a.provenance))}</data></edge>\n`;
  });
  yield buf;
  yield '</graph>\n</graphml>\n';
}

// ### `child` is one end-to-end CLI build in a fresh process, reporting its time and peak RSS.
async function child(dir, jobs) {
  const { run } = await dist('cli/index.js');
  const out = mkdtempSync(join(tmpdir(), 'newskg-bench-out-'));
  const t = performance.now();
  const code = await run(['build', dir, '--out', out, '--quiet', '--jobs', jobs]);
  const s = (performance.now() - t) / 1000;
  rmSync(out, { recursive: true, force: true });
  console.log(JSON.stringify({ code, s, rss: process.resourceUsage().maxRSS * 1024 }));
}

async function main() {
  const mb = Number(opt.mb);
  const jobsN = Number(opt.jobs ?? availableParallelism());
  const dir = opt.keep ?? mkdtempSync(join(tmpdir(), 'newskg-bench-'));
  const articlesDir = join(dir, 'articles');
  const { articles, bytes } = corpus(articlesDir, mb, Number(opt.seed));
  const MB = bytes / 1e6;
  const { listInputs, readArticle } = await dist('ingest.js');
  const { extractArticle } = await dist('extract.js');
  const { buildGraph } = await dist('graph.js');
  const { writeJson } = await dist('export/json.js');
  const { writeTurtleStream, writeNTriplesStream } = await dist('export/turtle.js');
  const { writeGraphmlStream } = await dist('export/graphml.js');
  const { graphQuads, DEFAULT_PREFIXES } = await dist('export/rdf.js');
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });

  const rows = [];
  const row = (stage, s, extra = '') => rows.push([stage, s.toFixed(2), (MB / s).toFixed(2), Math.round(articles / s), extra]);
  const ingest = await time(async () => {
    const { files } = await listInputs([articlesDir]);
    return Promise.all(files.map((f) => readArticle(f)));
  });
  row('ingest (list, read, decode, metadata)', ingest.s);
  // Warm-up: the gazetteer and rules are compiled once per process; that is not per-article cost.
  extractArticle(ingest.value[0]);
  const extract = await time(() => ingest.value.map((a) => extractArticle(a)));
  const facts = extract.value.reduce((n, r) => n + r.facts.length, 0);
  row('extract (sentences, entities, relations)', extract.s, `${Math.round(facts / extract.s)} facts/s`);
  const graphT = await time(() => buildGraph(extract.value));
  const graph = graphT.value;
  row('graph (merge, sort)', graphT.s, `${graph.order} nodes, ${graph.size} edges`);
  const jsonT = await time(() => writeFileSync(join(out, 'graph.json'), writeJson(graph)));
  row('export json', jsonT.s);
  const quads = [...graphQuads(graph)];
  const ttl = await time(() => writeTurtleStream(graph, createWriteStream(join(out, 'graph.ttl'))));
  row('export ttl (stream)', ttl.s, `${Math.round(quads.length / ttl.s)} triples/s`);
  const nt = await time(() => writeNTriplesStream(graph, createWriteStream(join(out, 'graph.nt'))));
  row('export nt (stream)', nt.s, `${Math.round(quads.length / nt.s)} triples/s`);
  const n3Alone = await time(async () => {
    const w = new StreamWriter({ format: 'Turtle', prefixes: { ...DEFAULT_PREFIXES } });
    const file = createWriteStream(join(out, 'n3-alone.ttl'));
    w.pipe(file);
    for (const q of quads) w.write(q);
    w.end();
    await once(file, 'finish');
  });
  row('  baseline: n3 StreamWriter, same quads', n3Alone.s, `${Math.round(quads.length / n3Alone.s)} triples/s`);
  const gml = await time(() => writeGraphmlStream(graph, createWriteStream(join(out, 'graph.graphml'))));
  const elements = graph.order + graph.size;
  row('export graphml (stream, with layout)', gml.s, `${Math.round(elements / gml.s)} elements/s`);
  const gmlPlain = await time(() => writeGraphmlStream(graph, createWriteStream(join(out, 'graph-plain.graphml')), { style: false }));
  row('export graphml (stream, style: false)', gmlPlain.s, `${Math.round(elements / gmlPlain.s)} elements/s`);
  const plain = await time(() => toFile(join(out, 'baseline.graphml'), plainGraphml(graph)));
  row('  baseline: plain streaming GraphML', plain.s, `${Math.round(elements / plain.s)} elements/s`);
  const stagesRss = process.resourceUsage().maxRSS * 1024;

  const e2e = {};
  for (const jobs of [...new Set([1, jobsN])]) {
    const text = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', articlesDir, '--jobs', String(jobs)], { encoding: 'utf8' });
    e2e[jobs] = JSON.parse(text.trim().split('\n').pop());
    row(`end to end: newskg build --jobs ${jobs}`, e2e[jobs].s, `peak RSS ${(e2e[jobs].rss / 2 ** 20).toFixed(0)} MiB`);
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`newskg bench: ${articles} articles, ${MB.toFixed(2)} MB, ${facts} facts (seed ${opt.seed})`);
  console.log(`machine: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}`);
  console.log('');
  console.log('| stage | s | MB/s | articles/s | notes |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`Turtle export / n3 StreamWriter alone: ${ratio(ttl.s, n3Alone.s)}× (target ≤ 1.2×)`);
  console.log(`GraphML export / plain streaming write: ${ratio(gml.s, plain.s)}× with layout, ${ratio(gmlPlain.s, plain.s)}× without (target ≤ 1.3×)`);
  if (jobsN !== 1) console.log(`--jobs ${jobsN} speed-up over --jobs 1: ${ratio(e2e[1].s, e2e[jobsN].s)}× end to end`);
  console.log(`extraction per core: ${(MB / extract.s).toFixed(2)} MB/s (target ≥ 10 MB/s); peak RSS of the staged run ${(stagesRss / 2 ** 20).toFixed(0)} MiB`);
  for (const f of ['graph.ttl', 'graph.graphml']) console.log(`${f}: ${(statSync(join(out, f)).size / 1e6).toFixed(1)} MB`);
  if (!opt.keep) rmSync(dir, { recursive: true, force: true });
}

if (opt.child) await child(opt.child, opt.jobs ?? '1');
else await main();
