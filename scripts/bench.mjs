#!/usr/bin/env node
// **bench** measures newskg on a seeded synthetic corpus of news-like articles (issue 7):
// `npm run bench -- [--mb 1] [--jobs N] [--keep DIR] [--skip-e2e]`. It uses the compiled dist/ (npm run build first).
// Any size from 1 MB to 100 MB: the articles and the graph are held in memory (the staged run's peak
// RSS is printed), but quads are never all held at once and every output file is streamed, its
// size noted and, unless `--keep`, deleted once measured.
//
// Stages run one after the other in this process (ingest, extract, graph, layout, each export), each
// beside its baseline on the same data (compromise's entity pass, n3's StreamWriter alone, a plain
// streaming GraphML write), then the whole CLI build in a fresh process per `--jobs` value, for
// end-to-end speed and peak RSS.
/* eslint-disable no-console */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { StreamWriter } from 'n3';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (m) => import(new URL(`../dist/${m}`, import.meta.url).href);
const { values: opt } = parseArgs({ options: { mb: { type: 'string', default: '1' }, jobs: { type: 'string' }, keep: { type: 'string' }, seed: { type: 'string', default: '7' }, 'skip-e2e': { type: 'boolean', default: false }, child: { type: 'string' } } });

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
  // A kept directory may hold a bigger corpus from an earlier run: start afresh.
  rmSync(dir, { recursive: true, force: true });
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

// ### `n3StreamWriterAlone` is the Turtle baseline: n3's StreamWriter writing the graph's quads to a
// file with nothing else. The quads are made in batches off the clock (all at once they would take
// gigabytes at 100 MB), and only writing each batch and waiting for the file to take it is timed.
// The writer only works while it is written to or awaited, so none of its work falls outside the
// clock (file writes already handed to the thread pool may finish during the next batch).
async function n3StreamWriterAlone(quads, options, path) {
  const w = new StreamWriter(options);
  const file = createWriteStream(path);
  w.pipe(file);
  let s = 0, n = 0;
  const batch = [];
  const flush = async () => {
    const t = performance.now();
    let ok = true;
    for (const q of batch) ok = w.write(q);
    if (!ok) await once(w, 'drain');
    s += performance.now() - t;
    n += batch.length;
    batch.length = 0;
  };
  for (const q of quads) {
    batch.push(q);
    if (batch.length === 100000) await flush();
  }
  await flush();
  const t = performance.now();
  w.end();
  await once(file, 'finish');
  s += performance.now() - t;
  return { s: s / 1000, quads: n };
}

// ### `plainGraphml` is the GraphML baseline: a hand-rolled writer of the same elements and
// attributes as our export (every node with label, type, key, IRI, aliases, wikidata, sources,
// degree, x, y, size and colour; one edge per ordered pair of nodes with its predicates, weight,
// fact count, qualifiers, rules, sources and the facts as JSON), from template strings and one
// escaping regex, given the same positions. It streams in 256 KiB buffers filled as the lines come,
// the fastest plain way measured here (an `out.write` per line, or 64 KiB strings, are about twice as slow).
const XML_ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
const esc = (s) => String(s).replace(/[&<>"'\r\n\t]/g, (c) => XML_ESC[c]);
const COLORS = { Person: [31, 119, 180], Country: [214, 39, 40], Organization: [44, 160, 44], Location: [148, 103, 189], Position: [255, 127, 14], Event: [140, 86, 75], Document: [127, 127, 127] };
function* plainGraphmlLines(graph, positions) {
  const key = (id, domain, type, name = id) => `  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>\n`;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    + ['label', 'type', 'key', 'iri', 'aliases', 'wikidata', 'sources', 'title'].map((k) => key(k, 'node', 'string')).join('')
    + key('degree', 'node', 'int') + ['x', 'y', 'size'].map((k) => key(k, 'node', 'double')).join('') + ['r', 'g', 'b'].map((k) => key(k, 'node', 'int')).join('')
    + key('edgelabel', 'edge', 'string', 'label') + key('weight', 'edge', 'double') + key('facts', 'edge', 'int') + key('symmetric', 'edge', 'boolean')
    + ['predicate', 'date', 'place', 'occasion', 'topics', 'rules', 'statements'].map((k) => key(k, 'edge', 'string')).join('') + key('edgesources', 'edge', 'string', 'sources')
    + '  <graph id="G" edgedefault="directed">\n';
  const ids = new Map();
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    const degree = graph.degree(node), p = positions.get(node), [r, g, b] = COLORS[a.type] ?? [0, 0, 0];
    yield `    <node id="${id}"><data key="label">${esc(a.label)}</data><data key="type">${a.type}</data><data key="key">${esc(node)}</data><data key="iri">${esc(a.iri)}</data>`
      + (a.aliases.length ? `<data key="aliases">${esc(a.aliases.join(' | '))}</data>` : '') + (a.wikidata ? `<data key="wikidata">${esc(a.wikidata)}</data>` : '')
      + `<data key="sources">${esc(a.sources.join(' | '))}</data><data key="degree">${degree}</data><data key="x">${p.x}</data><data key="y">${p.y}</data>`
      + `<data key="size">${Math.round((10 + 5 * Math.sqrt(degree)) * 100) / 100}</data><data key="r">${r}</data><data key="g">${g}</data><data key="b">${b}</data>`
      + (a.title ? `<data key="title">${esc(a.title)}</data>` : '') + '</node>\n';
  }
  const pairs = new Map();
  graph.forEachEdge((key, a, s, t) => {
    const pair = `${s}\u0000${t}`;
    let facts = pairs.get(pair);
    if (!facts) pairs.set(pair, (facts = []));
    const f = { key, predicate: a.predicate, symmetric: a.symmetric === true };
    if (a.date) f.date = a.date;
    if (a.place) f.place = a.place;
    if (a.occasion) f.occasion = a.occasion;
    if (a.topics?.length) f.topics = a.topics;
    f.provenance = a.provenance;
    facts.push(f);
  });
  const list = (xs) => [...new Set(xs.filter(Boolean))].sort().join(' | ');
  let n = 0;
  for (const [pair, facts] of pairs) {
    const [s, t] = pair.split('\u0000');
    const prov = facts.flatMap((f) => f.provenance), label = esc(facts.map((f) => f.predicate).join(' | '));
    const columns = { date: list(facts.map((f) => f.date)), place: list(facts.map((f) => f.place)), occasion: list(facts.map((f) => f.occasion)),
      topics: list(facts.flatMap((f) => f.topics ?? [])), rules: list(prov.map((p) => p.rule)), edgesources: list(prov.map((p) => p.source)) };
    yield `    <edge id="e${n++}" source="${ids.get(s)}" target="${ids.get(t)}"><data key="edgelabel">${label}</data><data key="weight">${facts.reduce((w, f) => w + Math.max(1, f.provenance.length), 0)}</data>`
      + `<data key="predicate">${label}</data><data key="facts">${facts.length}</data><data key="symmetric">${facts.every((f) => f.symmetric)}</data>`
      + Object.entries(columns).map(([c, v]) => (v ? `<data key="${c}">${esc(v)}</data>` : '')).join('')
      + `<data key="statements">${esc(JSON.stringify(facts))}</data></edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
async function plainGraphml(graph, positions, path) {
  const out = createWriteStream(path);
  let buffer = Buffer.allocUnsafe(1 << 18), used = 0;
  for (const line of plainGraphmlLines(graph, positions)) {
    if (used + line.length * 3 > buffer.length) {
      if (!out.write(buffer.subarray(0, used))) await once(out, 'drain');
      buffer = Buffer.allocUnsafe(Math.max(1 << 18, line.length * 3));
      used = 0;
    }
    used += buffer.write(line, used);
  }
  out.end(buffer.subarray(0, used));
  await once(out, 'finish');
}

// ### `best` keeps the fastest of several timed runs (the caller interleaves the runs of the two
// sides of a comparison): on a shared machine the minimum is the least disturbed run.
const best = (runs) => runs.reduce((a, b) => (b.s < a.s ? b : a));

// ### `compromiseEntities` is the entity-extraction baseline: compromise's people, places and
// organisations over the same article texts. compromise warms up over its first few hundred kB
// (1.2 s per 100 kB at first, 0.5 s once warm), so the first WARM_UP bytes of articles run off the
// clock; then it is timed on the next SAMPLE bytes, and on the rest too if the whole would take
// under COMPROMISE_BUDGET seconds. Its time for the corpus is the rate measured times the corpus size.
const WARM_UP = 200e3;
const SAMPLE = 200e3;
const COMPROMISE_BUDGET = 20;
async function compromiseEntities(texts, totalBytes) {
  const nlp = (await import('compromise')).default;
  const pass = (text) => {
    const doc = nlp(text);
    return doc.people().length + doc.places().length + doc.organizations().length;
  };
  let i = 0, warm = 0;
  for (; i < texts.length - 1 && warm < WARM_UP; i++) {
    pass(texts[i]);
    warm += Buffer.byteLength(texts[i]);
  }
  let bytes = 0, entities = 0, articles = 0;
  const t = performance.now();
  for (; i < texts.length && bytes < SAMPLE; i++, articles++) {
    entities += pass(texts[i]);
    bytes += Buffer.byteLength(texts[i]);
  }
  const elapsed = () => (performance.now() - t) / 1000;
  const all = i === texts.length || (elapsed() * (totalBytes - warm)) / bytes <= COMPROMISE_BUDGET;
  if (all) {
    for (; i < texts.length; i++, articles++) {
      entities += pass(texts[i]);
      bytes += Buffer.byteLength(texts[i]);
    }
  }
  const s = elapsed();
  return {
    s: (s * totalBytes) / bytes, entities,
    note: `${entities} entities in the ${(bytes / 1e3).toFixed(0)} kB (${articles} articles) timed${all ? '' : ' as a sample'}, after a ${(warm / 1e3).toFixed(0)} kB warm-up: ${s.toFixed(2)} s, scaled to the corpus`,
    sampled: !all,
  };
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
  const { writeJsonStream } = await dist('export/json.js');
  const { writeTurtleStream, writeNTriplesStream } = await dist('export/turtle.js');
  const { writeGraphmlStream } = await dist('export/graphml.js');
  const { writeGexfStream } = await dist('export/gexf.js');
  const { layout } = await dist('layout.js');
  const { graphQuads, DEFAULT_PREFIXES } = await dist('export/rdf.js');
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const sizes = {};
  // ### `done` notes the size of an output file and, unless `--keep`, deletes it (at 100 MB the files hold gigabytes).
  const done = (name) => {
    sizes[name] = statSync(join(out, name)).size;
    if (!opt.keep) rmSync(join(out, name), { force: true });
  };

  const rows = [];
  // The peak RSS column is this process's peak so far (it only grows), or the child's for the end-to-end rows.
  const peak = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
  const row = (stage, s, extra = '', rss = peak()) => rows.push([stage, s.toFixed(2), (MB / s).toFixed(2), Math.round(articles / s), rss, extra]);
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
  const compromise = await compromiseEntities(ingest.value.map((a) => a.text), bytes);
  row('  baseline: compromise people/places/organizations', compromise.s, compromise.note);
  const graphT = await time(() => buildGraph(extract.value));
  const graph = graphT.value;
  // The texts and extractions are in the graph now: let them go before the exports.
  ingest.value = extract.value = undefined;
  row('graph (merge, sort)', graphT.s, `${graph.order} nodes, ${graph.size} edges`);
  const jsonT = await time(() => writeJsonStream(graph, createWriteStream(join(out, 'graph.json'))));
  done('graph.json');
  row('export json (stream)', jsonT.s);
  const ttl = await time(() => writeTurtleStream(graph, createWriteStream(join(out, 'graph.ttl'))));
  done('graph.ttl');
  const nt = await time(() => writeNTriplesStream(graph, createWriteStream(join(out, 'graph.nt'))));
  done('graph.nt');
  const n3Alone = await n3StreamWriterAlone(graphQuads(graph), { format: 'Turtle', prefixes: { ...DEFAULT_PREFIXES } }, join(out, 'n3-alone.ttl'));
  done('n3-alone.ttl');
  const quads = n3Alone.quads;
  row('export ttl (stream)', ttl.s, `${Math.round(quads / ttl.s)} triples/s`);
  row('export nt (stream)', nt.s, `${Math.round(quads / nt.s)} triples/s`);
  row('  baseline: n3 StreamWriter, same quads', n3Alone.s, `${Math.round(quads / n3Alone.s)} triples/s`);
  const elements = graph.order + graph.size;
  const layoutT = await time(() => layout(graph));
  const positions = layoutT.value;
  row('layout (ForceAtlas2)', layoutT.s, `${graph.order} nodes`);
  // Export and baseline alternate, three runs each, and each keeps its fastest (see `best`).
  const gmlRuns = [], plainRuns = [];
  for (let i = 0; i < 3; i++) {
    gmlRuns.push(await time(() => writeGraphmlStream(graph, createWriteStream(join(out, 'graph.graphml')), { positions })));
    plainRuns.push(await time(() => plainGraphml(graph, positions, join(out, 'baseline.graphml'))));
  }
  const gml = best(gmlRuns), plain = best(plainRuns);
  done('graph.graphml');
  done('baseline.graphml');
  row('export graphml (stream, positions given)', gml.s, `${Math.round(elements / gml.s)} elements/s, best of 3`);
  row('  baseline: plain streaming GraphML, same data', plain.s, `${Math.round(elements / plain.s)} elements/s, best of 3`);
  const gexf = await time(() => writeGexfStream(graph, createWriteStream(join(out, 'graph.gexf')), { positions }));
  done('graph.gexf');
  row('export gexf (stream, positions given)', gexf.s, `${Math.round(elements / gexf.s)} elements/s`);
  const stagesRss = process.resourceUsage().maxRSS * 1024;

  const e2e = {};
  for (const jobs of opt['skip-e2e'] ? [] : [...new Set([1, jobsN])]) {
    const text = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', articlesDir, '--jobs', String(jobs)], { encoding: 'utf8' });
    e2e[jobs] = JSON.parse(text.trim().split('\n').pop());
    row(`end to end: newskg build --jobs ${jobs}`, e2e[jobs].s, '', (e2e[jobs].rss / 2 ** 20).toFixed(0));
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`newskg bench: ${articles} articles, ${MB.toFixed(2)} MB, ${facts} facts (seed ${opt.seed})`);
  console.log(`machine: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node} (heap limit ${(getHeapStatistics().heap_size_limit / 2 ** 30).toFixed(1)} GiB)`);
  console.log('');
  console.log('| stage | s | MB/s | articles/s | peak RSS MiB | notes |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(`Turtle export / n3 StreamWriter alone: ${ratio(ttl.s, n3Alone.s)}× (target ≤ 1.2×)`);
  console.log(`GraphML export / plain streaming write of the same data: ${ratio(gml.s, plain.s)}× export alone, ${ratio(layoutT.s + gml.s, plain.s)}× layout + export (target ≤ 1.3×)`);
  if (jobsN !== 1 && e2e[jobsN]) console.log(`--jobs ${jobsN} speed-up over --jobs 1: ${ratio(e2e[1].s, e2e[jobsN].s)}× end to end`);
  console.log(`extraction per core: ${(MB / extract.s).toFixed(2)} MB/s (target ≥ 10 MB/s); peak RSS of the staged run ${(stagesRss / 2 ** 20).toFixed(0)} MiB`);
  console.log(`extraction / compromise's entity pass: ${ratio(compromise.s, extract.s)}× the speed${compromise.sampled ? ' (compromise timed on a sample)' : ''} (target ≈ 60×)`);
  console.log(Object.entries(sizes).map(([f, n]) => `${f} ${(n / 1e6).toFixed(1)} MB`).join(', '));
  if (!opt.keep) rmSync(dir, { recursive: true, force: true });
}

// Node's default heap (about 4 GiB here) is too small for the biggest corpora, whose graph and
// exports hold several GiB: past 10 MB the bench runs itself again with a heap of 60% of the RAM
// (the end-to-end children get the same flag), unless a heap size was given.
const HEAP_MIB = Math.floor((totalmem() / 2 ** 20) * 0.6);
if (!opt.child && Number(opt.mb) > 10 && getHeapStatistics().heap_size_limit < HEAP_MIB * 2 ** 20 * 0.9
  && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
  const again = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MIB}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
if (opt.child) await child(opt.child, opt.jobs ?? '1');
else await main();
