// Safety (issue 6): rule and gazetteer files are data, read with JSON.parse and never run as code,
// and hostile values in them neither execute nor pollute prototypes.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { extractArticle } from '../../src/extract.js';
import { loadGazetteer } from '../../src/gazetteer.js';
import { articleFromText } from '../../src/ingest.js';
import { loadRules } from '../../src/rules.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// Comments (and for `code`, strings) are stripped first, so a word in prose does not count.
const noComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|(?<![:'"])\/\/.*$/gm, '');
const code = (text: string): string => noComments(text).replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');

describe('no code is evaluated', () => {
  it('no module evaluates strings or loads modules by computed name', () => {
    for (const file of sources(SRC)) {
      const text = code(readFileSync(file, 'utf8'));
      expect(text, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|\bcreateRequire\b|\brequire\s*\(|\bsetTimeout\s*\(\s*""/);
      expect(noComments(readFileSync(file, 'utf8')), file).not.toMatch(/from\s+['"](?:node:)?vm['"]/);
      // Dynamic imports only of fixed relative modules (the lazy command loaders).
      for (const m of noComments(readFileSync(file, 'utf8')).matchAll(/(?<![.\w])import\s*\(([^)]*)\)/g)) expect(m[1], `${file}: import(${m[1]})`).toMatch(/^'\.{1,2}\/[\w./-]+\.js'$/);
    }
  });

  it('reads rule and gazetteer files with readFileSync and JSON.parse only', () => {
    for (const name of ['rules.ts', 'gazetteer.ts']) {
      const text = readFileSync(join(SRC, name), 'utf8');
      expect(text).toMatch(/JSON\.parse\(/);
      expect(text).not.toMatch(/\bimport\s*\(|with\s*\{\s*type:\s*'json'|assert\s*\{\s*type:/);
    }
  });
});

describe('hostile rule and gazetteer values', () => {
  const marker = join(mkdtempSync(join(tmpdir(), 'newskg-marker-')), 'pwned');
  const payload = `\${require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')}`;

  it('are kept as text: a label or reason that looks like code stays a label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-data-'));
    cpSync(DATA, dir, { recursive: true, filter: (src) => !src.includes(`${join(DATA, 'articles')}`) });
    const orgs = JSON.parse(readFileSync(join(dir, 'gazetteers', 'organizations.json'), 'utf8'));
    orgs.push({ label: `Evil ${payload} Org`, aliases: ['constructor', '__proto__', 'toString'] });
    orgs.push(JSON.parse('{"label": "Prototype Council", "__proto__": {"polluted": "yes"}}'));
    writeFileSync(join(dir, 'gazetteers', 'organizations.json'), JSON.stringify(orgs));
    const g = loadGazetteer(dir);
    expect(g.orgs.has(`Evil ${payload} Org`)).toBe(true);
    const r = extractArticle(articleFromText('t', `The Prototype Council met the constructor of Evil ${payload} Org in Baku. toString __proto__ hasOwnProperty.`, 't.txt'), { dataDir: dir });
    expect(r.entities.some((e) => e.label === 'Prototype Council')).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuse a rule with an unknown field such as "__proto__", naming the file and rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-data-'));
    cpSync(DATA, dir, { recursive: true });
    const file = join(dir, 'rules', 'meetings.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.rules[0] = JSON.parse(`{"__proto__": {"polluted": "yes"}, ${JSON.stringify(doc.rules[0]).slice(1)}`);
    doc.rules[0].why = payload;
    writeFileSync(file, JSON.stringify(doc));
    let error: unknown;
    try {
      loadRules(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).file).toBe(file);
    expect((error as RuleError).message).toMatch(/unknown field "__proto__"/);
    expect(existsSync(marker)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
