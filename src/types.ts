// **types** holds the shapes every pipeline stage shares: articles, sentences,
// mentions, facts, and the attributes of the graphology graph.
import type { AbstractGraph } from 'graphology-types';

export const ENTITY_TYPES = ['Person', 'Country', 'Organization', 'Location', 'Position', 'Event', 'Document'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PREDICATES = [
  'holdsPosition', 'positionOf', 'affiliatedWith', 'memberOf', 'locatedIn', 'counterpartOf',
  'metWith', 'spokeWith', 'visited', 'hosted', 'attended', 'signed', 'expressedCondolencesTo',
  'expressedGratitudeTo', 'congratulated', 'informed', 'invited', 'supported', 'criticized',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** One mention that supports a fact, exactly as SCHEMA.md names it. */
export interface Provenance {
  /** Article id: the file name without extension. */
  source: string;
  /** 0-based sentence index within the article. */
  sentence: number;
  /** UTF-16 offset of the evidence in the original article text. */
  start: number;
  end: number;
  /** `text.slice(start, end)` of the original article. */
  evidence: string;
  /** Id of the rule that produced the fact. */
  rule: string;
  /**
   * The whole sentence the evidence stands in (line wraps as spaces), filled in when the graph is
   * built from extractions that carry their sentences, so RDF can answer "in which sentence?".
   */
  sentenceText?: string;
}

/** Qualifiers an interaction may carry. `place`/`occasion` are node keys. */
export interface Qualifiers {
  date?: string;
  place?: string;
  occasion?: string;
  topics?: string[];
}

/** Metadata recognised in an article's wrapper (wire, outlet, dateline, byline). */
export interface ArticleMeta {
  /** Wire service from a wrapper such as "(MENAFN- AzerNews)": "MENAFN". */
  wire?: string;
  /** Outlet named by the wrapper or dateline: "AzerNews", "AZERTAC", "Trend News Agency". */
  outlet?: string;
  /** ISO date of the dateline ("2024-03-15"), or "2024-03" when no day is given. */
  date?: string;
  /** Month and day ("11-22") of a dateline whose year could not be found anywhere; `date` is then unset. */
  monthDay?: string;
  /** Place named in the dateline ("Baku"). */
  place?: string;
  /** Author of a byline ("By Akbar Novruz"). */
  byline?: string;
  /** Where the body text starts and ends (UTF-16 offsets): wrapper, dateline and trailing boilerplate lie outside. */
  bodyStart: number;
  bodyEnd: number;
  /** Spans of the original text recognised as metadata, for explain and debugging. */
  spans: { kind: 'wire' | 'outlet' | 'dateline' | 'byline' | 'boilerplate' | 'headline'; start: number; end: number }[];
}

export interface Article {
  id: string;
  /** Where it came from: a path, or "-" for stdin. */
  path: string;
  /** The original text, exactly as decoded (offsets point into it). */
  text: string;
  meta: ArticleMeta;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** `text.slice(start, end)` of the article with hard line wraps turned into spaces (same length). */
  text: string;
  /** Paragraph number, so coreference can stay within a paragraph. */
  paragraph: number;
}

/** An entity as resolved within one article; `key` is stable across articles. */
export interface Entity {
  key: string;
  label: string;
  type: EntityType;
  aliases: string[];
  /** Wikidata QID where a curated gazetteer gives one. */
  wikidata?: string;
  /** Extra attributes (e.g. a Position's title and holder). */
  attrs?: Record<string, string>;
}

/** A fact before it reaches the graph: subject and object are entity keys. */
export interface Fact {
  subject: string;
  predicate: Predicate;
  object: string;
  qualifiers: Qualifiers;
  provenance: Provenance;
}

/** The result of extracting one article: everything the graph stage needs. */
export interface Extraction {
  article: Article;
  entities: Entity[];
  facts: Fact[];
  /** The article's sentences; when present, each fact's provenance gets its sentence text. */
  sentences?: Sentence[];
}

export interface NodeAttributes {
  label: string;
  type: EntityType;
  aliases: string[];
  iri: string;
  wikidata?: string;
  /** Articles that mention the entity, sorted. */
  sources: string[];
  [extra: string]: unknown;
}

export interface EdgeAttributes {
  predicate: Predicate;
  /** Same as predicate: a label for viewers such as Gephi. */
  label: string;
  symmetric: boolean;
  provenance: Provenance[];
  date?: string;
  place?: string;
  occasion?: string;
  topics?: string[];
}

export interface GraphAttributes {
  name?: string;
  schemaVersion: number;
}

export type KnowledgeGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
