/**
 * buildHandoff(document, flows): the handoff as data: every table the network team acts on, from the
 * design alone (lower() and the address plan) plus the flows (firewall matrix, L2 requirements).
 * Pure: renderers (markdown, html, csv, xlsx, netbox) only format these tables.
 */
import type { TopologyDocument } from '@viplane/model';
import { lower, type L3Model } from '@viplane/validator';
import { addressPlan, type AddressPlanRow } from '../address-plan/index.ts';
import type { Handoff, HandoffFlows } from './types.ts';
import { makeContext } from './tables/context.ts';
import { vlanTable } from './tables/vlans.ts';
import { subnetTable } from './tables/subnets.ts';
import { addressTable, rangeTable } from './tables/addresses.ts';
import { routeTable } from './tables/routes.ts';
import { dnsTable } from './tables/dns.ts';
import { firewallTable, l2Table } from './tables/firewall.ts';

export function buildHandoff(
  document: TopologyDocument,
  flows: HandoffFlows,
  model: L3Model = lower(document),
  plan: AddressPlanRow[] = addressPlan(document, model),
): Handoff {
  const ctx = makeContext(document, model, plan);
  return {
    designName: document.name || 'Untitled design',
    tables: [
      vlanTable(ctx),
      subnetTable(ctx),
      rangeTable(ctx),
      addressTable(ctx),
      routeTable(ctx),
      dnsTable(ctx),
      firewallTable(flows.matrix),
      l2Table(flows.l2),
    ],
  };
}
