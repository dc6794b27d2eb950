// **validate** checks an RDF graph against the SHACL shapes of ontology/shapes.ttl with rdf-validate-shacl.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Store } from 'n3';
import type { Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { parseRdf, readRdfFile } from './rdf-file.js';

/** The shapes newskg ships, next to the ontology. */
export const SHAPES_PATH = fileURLToPath(new URL('../ontology/shapes.ttl', import.meta.url));

/** One result of a validation: which node broke which constraint, and how. */
export interface Violation {
  /** `Violation`, `Warning` or `Info` (the local name of the sh:severity). */
  severity: string;
  /** The node that does not conform. */
  focusNode: string;
  /** The property path, when the constraint is about a property. */
  path?: string;
  /** The offending value, when there is one. */
  value?: string;
  /** The shape's message, or the engine's. */
  message: string;
  /** The constraint component, e.g. `MinCountConstraintComponent`. */
  constraint: string;
  /** The shape that holds the constraint (a blank node id for property shapes written inline). */
  shape: string;
}

/** What {@link validateQuads} found. */
export interface ValidationResult {
  conforms: boolean;
  violations: Violation[];
  /** How many triples were checked. */
  triples: number;
}

/** Options of {@link validateQuads} and {@link validateFile}. */
export interface ValidateOptions {
  /** Shapes to use instead of ontology/shapes.ttl, as quads. */
  shapes?: Quad[];
  /** Stop after this many violations. Default: report them all. */
  maxErrors?: number;
}

let defaultShapes: Quad[] | undefined;
let shippedValidator: SHACLValidator | undefined;
// ### `loadShapes` parses ontology/shapes.ttl once.
export function loadShapes(): Quad[] {
  return (defaultShapes ??= parseRdf(readFileSync(SHAPES_PATH, 'utf8'), 'Turtle', SHAPES_PATH));
}

interface Term { termType: string; value: string }

// ### `term` writes a term for people: IRIs in full, literals with their value.
const term = (t: Term | null | undefined): string | undefined =>
  !t ? undefined : t.termType === 'BlankNode' ? `_:${t.value}` : t.value;
const local = (t: Term | null | undefined): string => (t?.value ?? '').replace(/^.*[#/]/, '');

// ### `validateQuads` validates the triples against the shapes. The order of the violations is
// fixed (by focus node, path, constraint, value), so reports diff cleanly between runs.
export async function validateQuads(quads: Quad[], options: ValidateOptions = {}): Promise<ValidationResult> {
  // n3's Store is an indexed RDF/JS DatasetCore, which is all the engine reads. Compiling the
  // shipped shapes takes most of the time on small graphs, so that validator is kept.
  const validator = !options.shapes && options.maxErrors === undefined
    ? (shippedValidator ??= new SHACLValidator(new Store(loadShapes())))
    : new SHACLValidator(new Store(options.shapes ?? loadShapes()), { maxErrors: options.maxErrors });
  const report = await validator.validate(new Store(quads));
  const violations = report.results.map((r): Violation => {
    const v: Violation = {
      severity: local(r.severity),
      focusNode: term(r.focusNode) ?? '',
      message: r.message.map((m) => m.value).join('; ') || local(r.sourceConstraintComponent),
      constraint: local(r.sourceConstraintComponent),
      shape: term(r.sourceShape) ?? '',
    };
    const path = term(r.path), value = term(r.value);
    if (path) v.path = path;
    if (value !== undefined) v.value = value;
    return v;
  });
  const key = (v: Violation): string => [v.focusNode, v.path ?? '', v.constraint, v.value ?? ''].join('\u0000');
  violations.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { conforms: report.conforms, violations, triples: quads.length };
}

// ### `validateFile` reads a Turtle, N-Triples, N-Quads or TriG file and validates it.
// A file that cannot be read or parsed is an `InputError`.
export async function validateFile(path: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  return validateQuads(await readRdfFile(path), options);
}
