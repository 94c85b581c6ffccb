/**
 * @viplane/templates — the seeds' reference designs as topology documents with their real
 * addresses, the warnings each seed gives its design, and the seeds' known mistakes as mutations
 * (each names the catalogue rule that must catch it). Every document is built with DesignBuilder
 * and passes restore(); values the seeds leave open are marked [assumed] in each module's doc.
 */
import type { Template } from './template.ts';
import { seed000Overview } from './designs/seed000-overview.ts';
import { seed000OneNetwork } from './designs/seed000-1net.ts';
import { seed000TwoNetwork } from './designs/seed000-2net.ts';
import { seed000ThreeNetworkAlb } from './designs/seed000-3net-alb.ts';
import { seed000ThreeNetworkKubeVip } from './designs/seed000-3net-kubevip.ts';
import { seed001TkgRoutable } from './designs/seed001-tkg-routable.ts';
import { seed001TkgsRoutable } from './designs/seed001-tkgs-routable.ts';
import { seed002OneSlash24 } from './designs/seed002-one-24.ts';
import { seed002Single2Nic } from './designs/seed002-single-2nic.ts';
import { seed002Isolated2Nic } from './designs/seed002-isolated-2nic.ts';
import { seed002Multi2Nic } from './designs/seed002-multi-2nic.ts';
import { seed002Multi3Nic } from './designs/seed002-multi-3nic.ts';
import { seed003AkoStaticRoute } from './designs/seed003-ako-static-route.ts';
import { seed004AciCniGuestbook } from './designs/seed004-aci-cni-guestbook.ts';

export type { Template, Mutation, SeedId } from './template.ts';

/** Every template, by seed and then in the seed's order. */
export const templates: readonly Template[] = [
  seed000Overview,
  seed000OneNetwork,
  seed000TwoNetwork,
  seed000ThreeNetworkAlb,
  seed000ThreeNetworkKubeVip,
  seed001TkgRoutable,
  seed001TkgsRoutable,
  seed002OneSlash24,
  seed002Single2Nic,
  seed002Isolated2Nic,
  seed002Multi2Nic,
  seed002Multi3Nic,
  seed003AkoStaticRoute,
  seed004AciCniGuestbook,
];

const byId = new Map(templates.map((t) => [t.id, t]));

/** The template with that id, or `undefined`. */
export function getTemplate(id: string): Template | undefined {
  return byId.get(id);
}
