import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { designFlowsOf } from '../../flows/derive.ts';
import { lbIndex } from '../../queries/routing.ts';
import { hasFilters } from './filtered.ts';

export default defineRule({
  meta: {
    id: 'flows/required-flow-blocked',
    severity: 'error',
    category: 'flows',
    description: 'A firewall rule or router ACL on the path denies a flow the vendors require.',
    docs: `### Why
The products of a design talk to each other over documented ports: Service Engines reach every
Controller node on TCP 22, 8443 and UDP 123, AKO reaches the Controller API on 443, the SEs reach
the cluster nodes' NodePorts, and so on (the flow catalogue, FLOWS.md). Viplane derives every
flow the design needs, traces it with the routing engine and evaluates each firewall and router
ACL on the path (first match wins; a firewall denies by default, an ACL after its last entry).
A required flow that a rule denies breaks the design at run time — for example, SEs that cannot
open 8443 to the Controller never come up in 22.1.

A flow's source and destination are address **sets** (an SE group's whole SE pool → every
Controller node), and every member of the source set must reach every member of the destination
set on every port: a rule that allows one SE (or one port of the NodePort range) does not allow
the rest, so a deny below it still blocks the flow, and so does the default deny when the allows
leave part of the set uncovered. Several allow rules may cover a set together (two halves of the
SE pool). The exception is a flow from clients (a client network, clients anywhere): which clients
get in is policy, so the flow passes when some client address does; its destinations and ports
must still all pass.

### How to fix in Viplane
- Select the firewall (or router) named in the finding and open **Rules** (**ACL**): add an
  \`allow\` rule for the flow's source, destination, protocol and ports **above** the rule that
  denies it (the finding names it and its position), or narrow that rule. The allow must hold the
  flow's whole source and destination sets (the finding lists them), e.g. the SE group rather than
  one SE address.
- The **Flows** list (\`viplane flows <design>\`) gives the exact sets and the vendor source.

### Source
../shared/ports.md (vendor flow tables): NSX-ALB ports page (A1, A3), SE↔Controller channel (A5,
A6), TKG firewall rules (K1), Tanzu reference architectures (T1-T6).`,
    seeds: [],
  },
  check(ctx) {
    const { model } = ctx;
    if (!hasFilters(model)) return;
    const seen = new Set<string>();
    for (const f of designFlowsOf(model, lbIndex(model).routing).flows) {
      if (f.requirement !== 'required' || !f.denial) continue;
      const d = f.denial;
      // One finding per catalogue flow and denying rule: instances of one flow share the fix.
      const key = `${f.flowId}|${d.enforcementPointId}|${d.ruleId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const pointKind = model.elements.get(d.enforcementPointId)?.kind === 'firewall' ? 'firewall' : 'router';
      // The field at fault: the denying rule's row in Rules / ACL, or the whole list for a default deny.
      const list = pointKind === 'firewall' ? 'rules' : 'acl';
      const field = d.ruleId && d.ruleNumber ? `${list}.${d.ruleNumber - 1}` : list;
      const targets: Target[] = [{ kind: pointKind, id: d.enforcementPointId, field }];
      if (d.ruleId) targets.push({ kind: 'rule', id: d.ruleId });
      if (f.sourceElementId && model.elements.has(f.sourceElementId)) targets.push({ kind: model.elements.get(f.sourceElementId)!.kind, id: f.sourceElementId });
      if (f.destinationElementId && model.elements.has(f.destinationElementId) && f.destinationElementId !== f.sourceElementId)
        targets.push({ kind: model.elements.get(f.destinationElementId)!.kind, id: f.destinationElementId });
      const by = d.ruleId ? `rule ${d.ruleNumber} (${d.ruleId})` : pointKind === 'firewall' ? 'its default deny' : 'the implicit deny after its ACL';
      ctx.report({
        message: `${d.enforcementPoint} denies the required flow ${f.flowId} (${f.source} → ${f.destination}, ${f.protocol} ${f.ports}: ${f.purpose}) by ${by}`,
        targets,
        data: {
          flowId: f.flowId,
          enforcementPoint: d.enforcementPoint,
          ruleId: d.ruleId,
          ruleNumber: d.ruleNumber,
          source: f.source,
          sourceCidrs: f.sourceCidrs,
          destination: f.destination,
          destinationCidrs: f.destinationCidrs,
          protocol: f.protocol,
          ports: f.ports,
          vendorSource: f.vendorSource,
        },
      });
    }
  },
});
