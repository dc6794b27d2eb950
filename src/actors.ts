// **actors** derives the actor view of a graph: people, countries and organisations only, for network analysis.
//
// Interactions between two actors stay edges (the writers fold the facts between a pair into one
// weighted edge). A fact that links an actor to anything else is folded into the actor's node as a
// ` | `-separated attribute, so the view drops nodes but no fact: a person's offices become
// `positions` (and the states or bodies of those offices `represents`), a state's or body's offices
// `offices`, and the documents, events and places an actor signed, attended, visited, hosted or
// supported an attribute named by the predicate.
import { createGraph } from './graph.js';
import type { EntityType, KnowledgeGraph, NodeAttributes, Predicate } from './types.js';

/** The entity types the actor view keeps. */
export const ACTOR_TYPES: readonly EntityType[] = ['Person', 'Country', 'Organization'];

/** The node attribute a fact from an actor to a non-actor is folded into (default: the predicate's name). */
const OUTGOING: Partial<Record<Predicate, string>> = { holdsPosition: 'positions' };
/** The node attribute a fact from a non-actor to an actor is folded into, by predicate. */
const INCOMING: Partial<Record<Predicate, string>> = { positionOf: 'offices', hosted: 'hostedBy', locatedIn: 'contains' };

const isActor = (t: EntityType): boolean => ACTOR_TYPES.includes(t);
const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

// ### `actorView` returns a new graph with the actors of `graph`, the facts between them, and every
// other fact of an actor folded into its attributes. The result is sorted like the input.
export function actorView(graph: KnowledgeGraph): KnowledgeGraph {
  const view = createGraph();
  view.replaceAttributes({ ...graph.getAttributes(), name: 'actors' });
  const folded = new Map<string, Map<string, Set<string>>>();
  const fold = (node: string, name: string, value: string): void => {
    let attrs = folded.get(node);
    if (!attrs) folded.set(node, (attrs = new Map()));
    let values = attrs.get(name);
    if (!values) attrs.set(name, (values = new Set()));
    values.add(value);
  };
  const type = (node: string): EntityType => graph.getNodeAttribute(node, 'type');
  const label = (node: string): string => graph.getNodeAttribute(node, 'label');

  graph.forEachNode((node, attrs) => {
    if (isActor(attrs.type)) view.addNode(node, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    const [s, t] = [isActor(type(source)), isActor(type(target))];
    if (s && t) view.addDirectedEdgeWithKey(edge, source, target, attrs);
    else if (s) {
      fold(source, OUTGOING[attrs.predicate] ?? attrs.predicate, label(target));
      // A person's office says whom they speak for: "Minister of Foreign Affairs of Azerbaijan" → Azerbaijan.
      if (attrs.predicate === 'holdsPosition') {
        for (const of of graph.outNeighbors(target)) {
          if (graph.someEdge(target, of, (_, a) => a.predicate === 'positionOf')) fold(source, 'represents', label(of));
        }
      }
    } else if (t) fold(target, INCOMING[attrs.predicate] ?? `${attrs.predicate}By`, label(source));
  });
  for (const [node, attrs] of folded) {
    const extra: Record<string, string> = {};
    for (const [name, values] of attrs) extra[name] = [...values].sort(byText).join(' | ');
    view.updateNodeAttributes(node, (a) => ({ ...a, ...extra }) as NodeAttributes);
  }
  return view;
}
