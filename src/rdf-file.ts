// **rdf-file** reads an RDF file (Turtle, N-Triples, N-Quads or TriG) into quads for `load` and `validate`.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import type { Quad } from 'n3';
import { InputError } from './errors.js';

const FORMATS: Record<string, string> = { '.ttl': 'Turtle', '.nt': 'N-Triples', '.nq': 'N-Quads', '.trig': 'TriG' };

/** The file extensions {@link readRdfFile} reads. */
export const RDF_EXTENSIONS = Object.keys(FORMATS);

// ### `readRdfFile` parses `path` by its extension. A missing file, an unknown extension or a
// syntax error (with n3's line number) is an `InputError` naming the file.
export async function readRdfFile(path: string): Promise<Quad[]> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new InputError(`${path}: expected an RDF file ending in ${RDF_EXTENSIONS.join(', ')}`, path, 'not-a-text-file');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
    throw new InputError(`${path}: ${code === 'missing' ? 'no such file' : (e as Error).message}`, path, code);
  }
  return parseRdf(text, format, path);
}

// ### `parseRdf` parses RDF text in one of n3's formats; `path` names the source in errors.
export function parseRdf(text: string, format: string, path = '(text)'): Quad[] {
  try {
    return new Parser({ format, baseIRI: pathToFileURL(path).href }).parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid ${format}: ${(e as Error).message}`, path, 'syntax');
  }
}
