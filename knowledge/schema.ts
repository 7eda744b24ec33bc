import { z } from 'zod';
import { KIND_IDS } from '../core/kinds';

/** Ids are kebab-case so they can be used in URLs, file names and CSS. */
const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as "shehbaz-sharif"');

/** 1-based line number of the source article's text file. */
const Paragraph = z.number().int().positive();

export const Kind = z.enum(KIND_IDS);

/**
 * How a surface form counts:
 * - `name`: the entity's name or an unambiguous alternative name; matches alone and anchors short forms.
 * - `variant`: a spelling variant or misspelling seen in the wild; otherwise like `name`.
 * - `acronym`: matches only in exactly this case, never inside a shouting ALL-CAPS run.
 * - `short`: a bare surname, first name or generic name; counts only after an anchor
 *   (an earlier mention of one of `after`, by default the entity itself by a non-short form),
 *   unless `standalone` says readers meet it alone.
 */
export const AliasForm = z.enum(['name', 'variant', 'acronym', 'short']);

export const AliasSchema = z.strictObject({
  text: z.string().min(1),
  form: AliasForm.default('name'),
  /** Entities whose earlier mention licenses this short form (default: the entity itself). */
  after: z.array(Id).optional(),
  /** A short form that counts without an anchor ("Trump"). */
  standalone: z.boolean().optional(),
  /** Only as the first half of a hyphenated compound ("Pak-Iran"). */
  compoundOnly: z.boolean().optional(),
  /** An acronym that is also a word written in capitals ("US" is "us"): after another ALL-CAPS word but "THE" it is that word ("CONTACT US"). */
  alsoWord: z.boolean().optional(),
  /** A set in `namesakes.json` one of whose members bears this name too ("Washington" the state): where the page shows that member, it is not this entity. */
  namesakes: Id.optional(),
  /** Also a common surname or given name: refused next to another capitalised name ("George Washington"). */
  nameLike: z.boolean().optional(),
});
/** A plain string is shorthand for `{ text, form: "name" }`. */
export const Alias = z.preprocess((value) => (typeof value === 'string' ? { text: value } : value), AliasSchema);

/**
 * The source a claim rests on: an id in `sources.json`, one of the entity's `sources`. It may be left out when the
 * entity cites one source; with several, each claim names its own.
 */
const ClaimSource = Id.optional();

export const Claim = z.strictObject({
  text: z.string().min(1),
  /** The paragraph of the source article the claim rests on. */
  paragraph: Paragraph,
  source: ClaimSource,
});

export const Quote = z.strictObject({
  text: z.string().min(1),
  speaker: Id,
  paragraph: Paragraph,
  source: ClaimSource,
});

export const Relation = z.strictObject({
  id: Id,
  reason: z.string().min(1),
});

const AuthoredEntity = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: Kind,
  aliases: z.array(Alias).min(1),
  /** Title words that, directly before a name or short form, name this person ("PM Shehbaz"). */
  titles: z.array(z.string().min(1)).optional(),
  /** The role as of the newest source that states one. */
  role: Claim,
  /** Roles that older sources state, newest first: the card shows them as history under `role`. */
  pastRoles: z.array(Claim).default([]),
  /** Two or three sentences in the project's own words. */
  summary: z.array(Claim).min(2).max(3),
  quotes: z.array(Quote).default([]),
  related: z.array(Relation).default([]),
  topics: z.array(Id).min(1),
  /** The sources that name the entity, and where each names it. */
  sources: z.array(z.strictObject({ source: Id, paragraphs: z.array(Paragraph).min(1) })).min(1),
});

/** Each claim of an entity (role, past roles, summary sentences, quotes) with the field that holds it. */
export function claimsOf<C extends { paragraph: number; source?: string }>(entity: {
  role: C;
  pastRoles: C[];
  summary: C[];
  quotes: C[];
}): { field: string; claim: C }[] {
  return [
    { field: 'role', claim: entity.role },
    ...entity.pastRoles.map((claim, i) => ({ field: `pastRoles.${i}`, claim })),
    ...entity.summary.map((claim, i) => ({ field: `summary.${i}`, claim })),
    ...entity.quotes.map((claim, i) => ({ field: `quotes.${i}`, claim })),
  ];
}

/** An entity as the knowledge holds it once read: every claim names its source. */
export const EntitySchema = AuthoredEntity.superRefine((entity, ctx) => {
  const cited = new Set(entity.sources.map((cite) => cite.source));
  for (const { field, claim } of claimsOf(entity)) {
    const path = [...field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), 'source'];
    if (claim.source === undefined && cited.size > 1) {
      ctx.addIssue({
        code: 'custom',
        path,
        input: claim.source,
        message: `the entity cites ${cited.size} sources: name the one this claim rests on`,
      });
    } else if (claim.source !== undefined && !cited.has(claim.source)) {
      ctx.addIssue({ code: 'custom', path, input: claim.source, message: "not one of the entity's sources" });
    }
  }
}).transform((entity) => {
  const only = entity.sources[0]!.source;
  const sourced = <C extends { source?: string }>(claim: C): C & { source: string } => ({ ...claim, source: claim.source ?? only });
  return {
    ...entity,
    role: sourced(entity.role),
    pastRoles: entity.pastRoles.map(sourced),
    summary: entity.summary.map(sourced),
    quotes: entity.quotes.map(sourced),
  };
});

/**
 * A longer name that contains a surface form and is something else ("Washington Post", "Dar es Salaam"): where it
 * fits, its words are one name that Gloss does not know, and nothing in them is marked.
 */
export const OtherNameSchema = z.strictObject({
  text: z.string().min(1),
  /** What it is, for the maintainer who reads the list. */
  is: z.string().min(1),
});

/**
 * Places that share names with entities of the knowledge ("Washington", "Georgia" among the US states). A shared name
 * is the set's member, not the entity, where the page shows the set: two more of its names beside it in a list
 * ("Washington, Oregon and Idaho"), one of its `phrases` around it, or one of its `sentenceWords` in its sentence.
 */
export const NamesakeSetSchema = z.strictObject({
  id: Id,
  what: z.string().min(1),
  names: z.array(z.string().min(1)).min(3),
  /** Words around the shared name, which `*` stands for ("state of *"); compared without regard to case. */
  phrases: z.array(z.string().regex(/^[^*]*\*[^*]*$/, 'one "*" standing for the shared name')).default([]),
  /** Lower-case words that, anywhere in the sentence, make the shared name the set's member ("counties"). */
  sentenceWords: z.array(z.string().regex(/^\p{Ll}+$/u, 'one lower-case word')).default([]),
});

export const TopicSchema = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().min(1),
});

/** Verbatim words that a URL text fragment finds at the start (and end) of one paragraph; see knowledge/passages.ts. */
export const PassageSchema = z.strictObject({
  paragraph: Paragraph,
  start: z.string().min(1),
  end: z.string().min(1).optional(),
});

export const SourceSchema = z.strictObject({
  id: Id,
  publisher: z.string().min(1),
  title: z.string().min(1),
  /** ISO date, YYYY-MM-DD. */
  date: z.iso.date(),
  /** A web address: it becomes a link on every card, so `javascript:` and `data:` are refused. */
  url: z.url({ protocol: /^https?$/ }),
  authors: z.array(z.string()).default([]),
  editors: z.array(z.string()).default([]),
  /** One per paragraph that a claim cites, written by `npm run passages`. */
  passages: z.array(PassageSchema).default([]),
});

export type EntityKind = z.output<typeof Kind>;
export type Entity = z.output<typeof EntitySchema>;
export type OtherName = z.output<typeof OtherNameSchema>;
export type NamesakeSet = z.output<typeof NamesakeSetSchema>;
export type Topic = z.output<typeof TopicSchema>;
export type Source = z.output<typeof SourceSchema>;
export type Passage = z.output<typeof PassageSchema>;

export interface Knowledge {
  sources: Source[];
  topics: Topic[];
  entities: Entity[];
  otherNames: OtherName[];
  namesakes: NamesakeSet[];
}
