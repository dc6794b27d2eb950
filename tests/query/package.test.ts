// The package as a user installs it: compiled to a fresh dist/ with its .d.ts, imported as
// `newskg` from another directory. Its typings check (tests/query/types), examples/who-met-whom.mjs
// and every example of the README's "Query from scripts" section run against it.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { capture, devCorpus, DEV_ARTICLES, type Dev } from './corpus.js';

const exec = promisify(execFile);
const ROOT = resolve('.');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

// The "Query from scripts" section of the README, and its fenced blocks of one language.
const README = readFileSync('README.md', 'utf8');
const SECTION = README.slice(README.indexOf('## Query from scripts'), README.indexOf('\n## ', README.indexOf('## Query from scripts') + 3));
const blocks = (lang: string): string[] => [...SECTION.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);

// ### `words` splits a shell command line the way sh would for these examples (quotes, no escapes).
const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

let dev: Dev;
let home: string;
let pkg: string;

beforeAll(async () => {
  dev = await devCorpus();
  // A consumer's directory: node_modules/newskg is the package as npm would lay it out.
  home = mkdtempSync(join(tmpdir(), 'newskg-consumer-'));
  pkg = join(home, 'node_modules', 'newskg');
  mkdirSync(pkg, { recursive: true });
  // A type error elsewhere in src/ is `tsc --noEmit`'s to report; tsc still emits, and the checks below need only the output.
  await exec(process.execPath, [TSC, '-p', 'tsconfig.json', '--outDir', join(pkg, 'dist'), '--sourceMap', 'false']).catch((e: { stdout: string }) => {
    if (!existsSync(join(pkg, 'dist', 'index.js'))) throw new Error(`tsc emitted nothing:\n${e.stdout}`);
  });
  copyFileSync('package.json', join(pkg, 'package.json'));
  for (const dir of ['data', 'ontology', 'node_modules']) symlinkSync(join(ROOT, dir), join(pkg, dir));
  symlinkSync(join(ROOT, 'node_modules', '@types'), join(home, 'node_modules', '@types'));
  mkdirSync(join(home, 'out'));
  copyFileSync(dev.json, join(home, 'out', 'graph.json'));
}, 180_000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

// ### `node` runs a script in the consumer's directory and returns what it printed.
async function node(file: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec(process.execPath, [file, ...args], { cwd: home });
  return stdout;
}

describe('the built package', () => {
  it('ships declarations for its main export, without the engine\'s own typings', () => {
    expect(existsSync(join(pkg, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(pkg, 'dist', 'index.d.ts'))).toBe(true);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(manifest.types).toBe('dist/index.d.ts');
    expect(manifest.exports['.'].types).toBe('./dist/index.d.ts');
    // Oxigraph's bundled typings need skipLibCheck: none of ours may import them.
    expect(readFileSync(join(pkg, 'dist', 'sparql.d.ts'), 'utf8')).not.toMatch(/oxigraph/);
  });

  // usage.ts also holds `@ts-expect-error` lines: were the types to accept those mistakes, tsc would fail.
  it('type-checks a consumer\'s script against the .d.ts (strict, no skipLibCheck)', async () => {
    for (const f of ['tsconfig.json', 'usage.ts']) copyFileSync(join('tests', 'query', 'types', f), join(home, f));
    const r = await exec(process.execPath, [TSC, '-p', join(home, 'tsconfig.json')]).catch((e: { stdout: string; code: number }) => e);
    expect('stdout' in r ? r.stdout : '').toBe('');
  });
});

describe('examples/who-met-whom.mjs', () => {
  it('runs on the dev corpus through the package', async () => {
    copyFileSync(join('examples', 'who-met-whom.mjs'), join(home, 'who-met-whom.mjs'));
    const out = await node('who-met-whom.mjs', DEV_ARTICLES, '--to', 'Bakhtiyor Saidov');
    expect(out).toMatch(/^\d+ articles: \d+ entities, \d+ facts/);
    expect(out).toMatch(/Jeyhun Bayramov met:\n- /);
    expect(out).toContain('- Sergey Lavrov');
    expect(out).toMatch(/Jeyhun Bayramov → Bakhtiyor Saidov: Jeyhun Bayramov → .* → Bakhtiyor Saidov/);
    expect(out).toMatch(/SPARQL \(\d+ triples\):\nother +mentions\n/);
  });
});

describe('README: Query from scripts', () => {
  it('has runnable JavaScript examples', async () => {
    const js = blocks('js');
    expect(js.length).toBeGreaterThanOrEqual(2);
    for (const [i, code] of js.entries()) {
      writeFileSync(join(home, `readme-${i}.mjs`), code.replaceAll('../shared/corpus/dev/articles', DEV_ARTICLES));
      const out = await node(`readme-${i}.mjs`);
      expect(out.length, `README example ${i + 1}`).toBeGreaterThan(0);
    }
    // The first answers the section's first question from the dev corpus.
    expect(await node('readme-0.mjs')).toMatch(/^Sergey Lavrov .*\(seed-bayramov-lavrov-unga78#0\)\n {2}"Jeyhun Bayramov has met/m);
    expect(await node('readme-1.mjs')).toContain('unknown-entity [ \'Sergey Lavrov\' ]');
  });

  it('has shell examples that run as shown', async () => {
    const lines = blocks('sh').flatMap((b) => b.split('\n')).filter((l) => /^newskg (query|sparql) /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const args = words(line).slice(1).map((w) => (w === 'out/graph.json' ? dev.json : w));
      const c = capture();
      const code = await run(args, c.io);
      // The one example of a misspelt name shows the error it gets.
      if (line.includes('Bayramof')) {
        expect(code, line).toBe(2);
        expect(c.err.join('\n')).toBe('newskg: no entity is named "Bayramof"; did you mean "Jeyhun Bayramov"?');
        expect(SECTION).toContain(c.err[0]);
      } else {
        expect(code, `${line}\n${c.err.join('\n')}`).toBe(0);
        expect(c.text().split('\n').length, line).toBeGreaterThan(2);
      }
    }
  });

  it('shows the syntax error newskg sparql really gives', async () => {
    const c = capture();
    expect(await run(['sparql', '--graph', dev.json, 'SELECT ?x WHERE {\n  ?x foo:bar ?y }'], c.io)).toBe(2);
    expect(SECTION).toContain(c.err.join('\n'));
  });
});
