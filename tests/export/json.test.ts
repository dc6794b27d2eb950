import { describe, expect, it } from 'vitest';
import { GraphJsonError, readJson, writeJson } from '../../src/export/json.js';
import { buildFixture, E, EXTRACTIONS, NASTY } from './fixture.js';

describe('writeJson / readJson', () => {
  const graph = buildFixture();
  const text = writeJson(graph);

  it("writes graphology's own export", () => {
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(graph.export())));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('round-trips every node, edge and attribute, nasty strings included', () => {
    const back = readJson(text);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(back.getNodeAttribute(E.doc.key, 'label')).toBe(NASTY.document);
    expect(back.getNodeAttribute(E.bayramov.key, 'aliases')).toContain(NASTY.loneSurrogate);
    expect(writeJson(back)).toBe(text);
  });

  it('reads into a graph of newskg shape (multi, directed, no self loops)', () => {
    const back = readJson(text);
    expect(back.multi).toBe(true);
    expect(back.type).toBe('directed');
    expect(back.allowSelfLoops).toBe(false);
  });

  it('is byte-identical for the same graph and whatever the article order', () => {
    expect(writeJson(graph)).toBe(text);
    expect(writeJson(buildFixture([...EXTRACTIONS].reverse()))).toBe(text);
  });

  it('writes one line with indent 0', () => {
    expect(writeJson(graph, { indent: 0 }).trimEnd()).not.toContain('\n');
  });

  it.each([['[]'], ['{"edges": []}'], ['42'], ['null']])('rejects %s with GraphJsonError', (bad) => {
    expect(() => readJson(bad)).toThrow(GraphJsonError);
  });

  it('lets JSON syntax errors through as SyntaxError', () => {
    expect(() => readJson('{nodes:')).toThrow(SyntaxError);
  });
});
