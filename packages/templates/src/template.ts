/**
 * The shape of a reference design: a seed's topology as a document with its real addresses, the
 * warnings the seed itself gives it, and the seed's known mistakes as mutations the validator must
 * catch (each names the catalogue rule and the ids the diagnostic must point at).
 */
import type { TopologyDocument } from '@viplane/model';

/** The five source articles (`/work/shared/seeds/`), by file number. */
export type SeedId = '000' | '001' | '002' | '003' | '004';

/** One known mistake from a seed, applied to the template's document. */
export interface Mutation {
  /** Stable, unique within the template, e.g. `no-data-default-route`. */
  id: string;
  title: string;
  /** One line: what the seed says goes wrong. */
  seedSays: string;
  /** The catalogue rule (domain.md §7) that must catch it. */
  ruleId: string;
  /** Pure: returns a changed deep copy, never touches its argument. */
  apply(doc: TopologyDocument): TopologyDocument;
  /** Element, link or nested (range/route/node) ids the diagnostic must point at. */
  targets: string[];
}

export interface Template {
  /** Stable id, e.g. `seed000-3net-alb`; also the built document's `origin`. */
  id: string;
  title: string;
  seed: SeedId;
  /** Two lines: what the design shows; the seed's verdict. */
  summary: string;
  /** A fresh document on every call. */
  build(): TopologyDocument;
  /** Rule ids of the warnings the seed itself gives this design (`[]` for a clean one). */
  expectedWarnings: string[];
  mutations: Mutation[];
}
