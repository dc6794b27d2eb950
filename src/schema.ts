// **schema** states what each predicate links and whether it is symmetric (SCHEMA.md, v1).
import type { EntityType, Predicate } from './types.js';

interface PredicateSpec {
  domain: readonly EntityType[];
  range: readonly EntityType[];
  symmetric?: boolean;
  cameo?: string;
  comment: string;
}

const ACTOR = ['Person', 'Country', 'Organization'] as const;

export const SCHEMA_VERSION = 1;

export const PREDICATE_SPECS: Record<Predicate, PredicateSpec> = {
  holdsPosition: { domain: ['Person'], range: ['Position'], comment: 'A person holds an office.' },
  positionOf: { domain: ['Position'], range: ['Country', 'Organization'], comment: 'The state or body an office belongs to.' },
  affiliatedWith: { domain: ['Person', 'Organization'], range: ['Country', 'Organization'], comment: 'A person or body belongs to a state or body (persons only when no position says it).' },
  memberOf: { domain: ['Country', 'Organization'], range: ['Organization'], comment: 'A state or body is a member of an organisation.' },
  locatedIn: { domain: ['Location', 'Organization', 'Event'], range: ['Location', 'Country'], comment: 'Where a place, body or event is.' },
  counterpartOf: { domain: ['Person'], range: ['Person'], symmetric: true, comment: 'Two officials hold the matching office in their states or bodies.' },
  metWith: { domain: ACTOR, range: ACTOR, symmetric: true, cameo: '040', comment: 'Met in person (CAMEO 040, 044).' },
  spokeWith: { domain: ACTOR, range: ACTOR, symmetric: true, cameo: '041', comment: 'Talked by telephone or video (CAMEO 041).' },
  visited: { domain: ['Person', 'Organization'], range: ['Country', 'Location'], cameo: '042', comment: 'Made a visit to a state or place (CAMEO 042).' },
  hosted: { domain: ['Country', 'Location', 'Person', 'Organization'], range: ['Event', 'Person'], cameo: '043', comment: 'Hosted an event or a visitor (CAMEO 043).' },
  attended: { domain: ACTOR, range: ['Event'], comment: 'Took part in an event.' },
  signed: { domain: ACTOR, range: ['Document'], cameo: '057', comment: 'Signed an agreement, statement or declaration (CAMEO 057).' },
  expressedCondolencesTo: { domain: ACTOR, range: ACTOR, cameo: '018', comment: 'Offered condolences to (CAMEO 018).' },
  expressedGratitudeTo: { domain: ACTOR, range: ACTOR, cameo: '051', comment: 'Thanked (CAMEO 051).' },
  congratulated: { domain: ACTOR, range: ACTOR, cameo: '051', comment: 'Congratulated (CAMEO 051).' },
  informed: { domain: ACTOR, range: ACTOR, cameo: '010', comment: 'Informed or briefed (CAMEO 010).' },
  invited: { domain: ACTOR, range: ACTOR, cameo: '036', comment: 'Invited (CAMEO 036).' },
  supported: { domain: ACTOR, range: [...ACTOR, 'Document'], cameo: '051', comment: 'Expressed support for (CAMEO 051/05x).' },
  criticized: { domain: ACTOR, range: ACTOR, cameo: '111', comment: 'Condemned, accused or criticised (CAMEO 111-112).' },
};

export const isSymmetric = (p: Predicate): boolean => PREDICATE_SPECS[p].symmetric === true;

// ### `fits` says whether a subject and object type are allowed for a predicate.
export function fits(p: Predicate, subject: EntityType, object: EntityType): boolean {
  const spec = PREDICATE_SPECS[p];
  return spec.domain.includes(subject) && spec.range.includes(object);
}
