// Tests for **output**: a write that fails or is interrupted leaves the old file as it was, and
// no temporary file behind (issue 6).
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempPath, writeAtomic, writeAtomicStream } from '../src/output.js';

// renameSync is the step that makes a write visible: make it fail on demand.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

const dir = (): string => mkdtempSync(join(tmpdir(), 'newskg-output-'));
const failRename = (): void => {
  vi.mocked(fs.renameSync).mockImplementationOnce(() => {
    throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
  });
};

afterEach(() => vi.mocked(fs.renameSync).mockClear());

describe('tempPath', () => {
  it('names a hidden file beside the target, unique to the process', () => {
    const t = tempPath('/out/graph.ttl');
    expect(dirname(t)).toBe('/out');
    expect(t).toBe(`/out/.graph.ttl.${process.pid}.tmp`);
  });
});

describe('writeAtomic', () => {
  it('replaces the file through a rename of the temporary file', () => {
    const d = dir();
    writeAtomic(join(d, 'graph.ttl'), 'new');
    expect(readFileSync(join(d, 'graph.ttl'), 'utf8')).toBe('new');
    expect(fs.renameSync).toHaveBeenCalledWith(tempPath(join(d, 'graph.ttl')), join(d, 'graph.ttl'));
    expect(readdirSync(d)).toEqual(['graph.ttl']);
  });

  it('leaves the old file intact and no temporary file when the write is interrupted', () => {
    const d = dir();
    writeFileSync(join(d, 'graph.ttl'), 'old');
    failRename();
    expect(() => writeAtomic(join(d, 'graph.ttl'), 'new')).toThrow(/EIO/);
    expect(readFileSync(join(d, 'graph.ttl'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['graph.ttl']);
  });
});

describe('writeAtomicStream', () => {
  it('writes what the writer streams', async () => {
    const d = dir();
    await writeAtomicStream(join(d, 'graph.json'), async (out) => {
      out.write('{');
      out.end('}\n');
    });
    expect(readFileSync(join(d, 'graph.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(d)).toEqual(['graph.json']);
  });

  it('leaves the old file intact when the writer fails half way', async () => {
    const d = dir();
    writeFileSync(join(d, 'graph.json'), 'old');
    await expect(writeAtomicStream(join(d, 'graph.json'), async (out) => {
      out.write('{"nodes": [');
      throw new Error('writer crashed');
    })).rejects.toThrow('writer crashed');
    expect(readFileSync(join(d, 'graph.json'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['graph.json']);
  });

  it('leaves the old file intact when the rename fails', async () => {
    const d = dir();
    writeFileSync(join(d, 'graph.json'), 'old');
    failRename();
    await expect(writeAtomicStream(join(d, 'graph.json'), async (out) => void out.end('new'))).rejects.toThrow(/EIO/);
    expect(readFileSync(join(d, 'graph.json'), 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['graph.json']);
  });
});
