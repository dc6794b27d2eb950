// `--jobs`: extraction in worker threads gives byte-identical files to one thread. Workers load
// compiled JS, so the package is compiled to a temporary dist/ and its CLI run as a user runs it.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { workersAvailable } from '../src/workers.js';
import { DEV_ARTICLES } from './query/corpus.js';

const exec = promisify(execFile);
const ROOT = resolve('.');
const FILES = ['graph.json', 'graph.ttl', 'graph.nt', 'graph.graphml'];
let home: string;
let cli: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'newskg-workers-'));
  const pkg = join(home, 'pkg');
  mkdirSync(pkg);
  await exec(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--outDir', join(pkg, 'dist'), '--sourceMap', 'false', '--declaration', 'false']).catch((e: { stdout: string }) => {
    if (!existsSync(join(pkg, 'dist', 'extract-worker.js'))) throw new Error(`tsc emitted nothing:\n${e.stdout}`);
  });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const dir of ['data', 'node_modules']) symlinkSync(join(ROOT, dir), join(pkg, dir));
  cli = join(pkg, 'dist', 'cli', 'main.js');
}, 180_000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

// ### `newskg` runs the compiled CLI and returns its exit code and output.
async function newskg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const read = (dir: string): string[] => FILES.map((f) => readFileSync(join(dir, f), 'utf8'));

describe('newskg build --jobs', () => {
  it('writes byte-identical files with 1, 2 and 3 threads, and the same as the library in-process', async () => {
    const dirs = [1, 2, 3].map((j) => join(home, `jobs${j}`));
    for (const [i, dir] of dirs.entries()) {
      const r = await newskg('build', DEV_ARTICLES, '--out', dir, '--format', 'json,ttl,nt,graphml', '--jobs', String(i + 1));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^built 41 articles: \d+ entities, \d+ facts/);
      expect(r.stderr).toBe(''); // not a terminal: no progress line
    }
    const one = read(dirs[0]);
    expect(read(dirs[1])).toEqual(one);
    expect(read(dirs[2])).toEqual(one);
    // Under vitest the workers are not compiled, so the library extracts in this thread: same bytes.
    expect(workersAvailable()).toBe(false);
    const here = join(home, 'here');
    await build([DEV_ARTICLES], { out: here, formats: ['json', 'ttl', 'nt', 'graphml'] });
    expect(read(here)).toEqual(one);
  }, 120_000);

  it('reports bad inputs from the threads as one thread does, and builds the rest', async () => {
    const inputs = join(home, 'mixed');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.txt'), 'Azerbaijani Foreign Minister Jeyhun Bayramov met with Russian Foreign Minister Sergey Lavrov in Moscow.\n');
    writeFileSync(join(inputs, 'b.txt'), '');
    writeFileSync(join(inputs, 'c.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x00, 0xc3]));
    writeFileSync(join(inputs, 'd.txt'), 'Turkish President Recep Tayyip Erdoğan called Azerbaijani President Ilham Aliyev.\n');
    const one = await newskg('build', inputs, '--out', join(home, 'mixed1'), '--jobs', '1');
    const two = await newskg('build', inputs, '--out', join(home, 'mixed2'), '--jobs', '2');
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stderr).toBe(one.stderr.replaceAll('mixed1', 'mixed2'));
    expect(two.stdout.replaceAll('mixed2', 'mixed1')).toBe(one.stdout);
    expect(readFileSync(join(home, 'mixed2', 'graph.json'), 'utf8')).toBe(readFileSync(join(home, 'mixed1', 'graph.json'), 'utf8'));
  }, 60_000);

  it('maps a bad rule file met in a thread to exit code 2, as in one thread', async () => {
    const data = join(home, 'baddata');
    cpSync(join(ROOT, 'data', 'rules'), join(data, 'rules'), { recursive: true });
    symlinkSync(join(ROOT, 'data', 'gazetteers'), join(data, 'gazetteers'));
    writeFileSync(join(data, 'rules', 'meetings.json'), '{"rules": [{"id": "broken"}]}');
    for (const jobs of ['1', '2']) {
      const r = await newskg('build', DEV_ARTICLES, '--out', join(home, `bad${jobs}`), '--data', data, '--jobs', jobs);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^newskg: .*meetings\.json/);
    }
  }, 60_000);

  it('refuses --jobs 0 and a fraction as usage errors', async () => {
    expect((await newskg('build', DEV_ARTICLES, '--jobs', '0')).code).toBe(2);
    expect((await newskg('build', DEV_ARTICLES, '--jobs', '1.5')).code).toBe(2);
  });
});
