import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { requiredUnjudgedFlowsOf } from '../../flows/derive.ts';
import { runRules } from '../../engine/validate.ts';
import { routingRules } from '../routing/index.ts';
import { nsxtRules } from '../nsxt/index.ts';
import { supervisorRules } from '../supervisor/index.ts';

/** The rules that judge paths; what they report is not repeated here. */
const PATH_RULES = [...routingRules, ...nsxtRules, ...supervisorRules];

export default defineRule({
  meta: {
    id: 'flows/required-flow-unrouted',
    severity: 'error',
    category: 'flows',
    description: 'A flow the vendors require has no path through the design (and no routing rule already says so).',
    docs: `### Why
Beyond the paths the routing rules check (SE management → Controller, SE → back ends, clients →
VIPs), the products need more flows: the cluster nodes reach the Controller API (AKO) and vCenter
(CAPV, CPI, CSI), management-cluster nodes reach each workload cluster's endpoint, admins reach the
Controller and the cluster endpoints. Viplane derives them from the flow catalogue and traces each
one; a required flow that is dropped (no route, a next hop nobody holds, a blackhole) is reported
here, once per catalogue flow and pair of elements. Flows that a routing rule already reports are
left to that rule, and so is a flow whose path crosses an element a routing, NSX-T or Supervisor
rule already reports (one broken Tier-1 uplink is one finding, not one per flow).

### How to fix in Viplane
- Read the drop reason in the message: add the missing router interface (select the L3 switch / router, add an
  interface and set its **Network**), a route in the router's **Static routes** where one is lacking, or the source
  network's **Gateway**.
- \`viplane trace <design> --from <source> --to <destination>\` shows the hop where it stops.

### Source
../shared/ports.md §2 (TKG firewall rules K1, AKO K3/K4, Tanzu RAs T1-T5) and §7.3 (trace every flow).`,
    seeds: [],
  },
  check(ctx) {
    const { model } = ctx;
    const dependsOnUnknown = (ids: (string | null | undefined)[]) =>
      ids.some((id) => {
        if (!id) return false;
        const unknown = model.elements.get(id)?.unknown;
        return unknown !== undefined && unknown.length > 0;
      });
    const seen = new Set<string>();
    // Elements the path rules already name: computed only when a candidate exists (healthy designs pay nothing).
    let named: Set<string> | undefined;
    const alreadySaid = (ids: (string | null)[]) => {
      named ??= new Set(runRules(model, PATH_RULES).flatMap((d) => d.targets.map((t) => t.id)));
      return ids.some((id) => id !== null && named!.has(id));
    };
    for (const f of requiredUnjudgedFlowsOf(model)) {
      // Denied flows are flows/required-flow-blocked; untraceable ones have no path to judge.
      if (f.requirement !== 'required' || f.status !== 'broken' || f.denial || f.unroutedReportedBy) continue;
      if (alreadySaid([f.sourceElementId, f.destinationElementId, ...f.hops.map((h) => h.hostId)])) continue;
      // A rule does not judge an unknown field (unknown.ts): a path that breaks on an element with values
      // an import could not learn (a segment's gateway the files do not give) is design/unknown-value's question.
      if (dependsOnUnknown([f.sourceElementId, f.destinationElementId, f.networkId ?? null, ...f.hops.flatMap((h) => [h.hostId, h.egressNetworkId])])) continue;
      const key = `${f.flowId}|${f.sourceElementId}|${f.destinationElementId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const targets: Target[] = [];
      for (const id of [f.sourceElementId, f.destinationElementId]) {
        const el = id ? model.elements.get(id) : undefined;
        if (el && !targets.some((t) => t.id === el.id)) targets.push({ kind: el.kind, id: el.id });
      }
      ctx.report({
        message: `The required flow ${f.flowId} (${f.source} → ${f.destination}, ${f.protocol} ${f.ports}: ${f.purpose}) has no path: ${f.reason ?? 'not delivered'}`,
        targets,
        data: { flowId: f.flowId, source: f.source, destination: f.destination, protocol: f.protocol, ports: f.ports, reason: f.reason ?? null, vendorSource: f.vendorSource },
      });
    }
  },
});
