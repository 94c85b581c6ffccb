import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Network } from '../../l3/model.ts';
import { Routing } from '../../routing/routing.ts';
import { trace, type TraceResult } from '../../routing/trace.ts';
import { describeNetwork } from '../../queries/haproxy.ts';
import { workloadNetworksBySupervisor } from '../../queries/supervisor.ts';

export default defineRule({
  meta: {
    id: 'supervisor/workload-networks-not-routed',
    severity: 'error',
    category: 'supervisor',
    description:
      'An isolated workload network of a Supervisor has no L3 path to (or back from) the primary workload network or the management network.',
    docs: `### Why
In the isolated topologies (a dedicated primary workload network for the Supervisor, and one or more workload networks
for the namespaces' TKCs) the TKC nodes are on a different port group from the Supervisor control plane and from the
HAProxy workload NIC. The nodes must reach the Supervisor's Kubernetes API on the primary network, the Supervisor must
reach the nodes to manage them, and both sides talk to vCenter and the Supervisor's management addresses. L2 isolation
by VLAN is the point of these topologies, so the traffic has to be **routed** between the port groups; without a router
(gateway) joining them TKC creation never finishes.

### How to fix in Viplane
Give each workload network's port group a **Gateway** and give a router (or L3 switch) an interface on
it (select the router, **Interfaces → Add interface** with that network; or drag its **Routed (SVI)** handle onto
the port group), on a router that also has NICs (or **Static routes**) to the primary workload network and the management
network (seed 002 design: \`l3-gw\` with SVIs 192.168.110.1, 192.168.120.1, 192.168.121.1). Filter with firewall
rules, not by leaving the networks unrouted.

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L83 (topology 2): 「2 つのポート グループは、レイヤー 3 で
ルーティング可能である必要があります」 — the primary and workload port groups must be routable at L3, with L2 isolation by VLAN and L3 filtering by firewall and
gateway; L94 (topology 3): the per-namespace workload networks must be routable to the primary. Checked with the
routing engine's path trace in both directions, from each workload network to the primary network and to the
Supervisor's management network.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    const supervisors = model.ofKind('supervisor');
    if (supervisors.length === 0) return;
    const bySupervisor = workloadNetworksBySupervisor(model);
    let routing: Routing | undefined;
    const failed = (from: L3Network, to: L3Network): TraceResult | undefined => {
      routing ??= new Routing(model);
      for (const [a, b] of [
        [from, to],
        [to, from],
      ] as const) {
        const t = trace(model, { elementId: a.id }, { elementId: b.id }, routing);
        if (!t.delivered) return t;
      }
      return undefined;
    };
    for (const sup of supervisors) {
      const networks = bySupervisor.get(sup.id) ?? [];
      const primary = networks.find((w) => w.props.primary);
      const primaryNet = primary?.props.portGroupId ? model.networkById.get(primary.props.portGroupId) : undefined;
      const mgmtNet = sup.props.managementNetworkId ? model.networkById.get(sup.props.managementNetworkId) : undefined;
      const checked = new Set<string>();
      for (const wn of networks) {
        if (wn === primary || wn.props.primary || wn.props.portGroupId === null) continue;
        const net = model.networkById.get(wn.props.portGroupId);
        if (!net?.subnet) continue;
        const goals: { net: L3Network | undefined; label: string; ownerId: string | null }[] = [
          { net: primaryNet, label: `the primary workload network ${primary?.name ?? ''}`, ownerId: primary?.id ?? null },
          { net: mgmtNet, label: 'the management network', ownerId: null },
        ];
        for (const goal of goals) {
          if (!goal.net?.subnet || goal.net.id === net.id) continue;
          const key = `${net.id}|${goal.net.id}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const t = failed(net, goal.net);
          if (!t) continue;
          const targets: Target[] = [
            { kind: 'workloadNetwork', id: wn.id },
            { kind: 'supervisor', id: sup.id },
          ];
          if (goal.ownerId) targets.push({ kind: 'workloadNetwork', id: goal.ownerId });
          targets.push({ kind: net.kind, id: net.id }, { kind: goal.net.kind, id: goal.net.id });
          const dropHost = t.drop?.hostId ? model.elements.get(t.drop.hostId) : undefined;
          if (dropHost && !targets.some((x) => x.id === dropHost.id)) targets.push({ kind: dropHost.kind, id: dropHost.id });
          report({
            message: `Workload network ${wn.name} on ${describeNetwork(net)} of Supervisor ${sup.name} is not routed to ${goal.label} on ${describeNetwork(goal.net)}: ${t.drop?.message ?? 'not delivered'}`,
            targets,
            data: {
              supervisor: sup.name,
              workloadNetwork: wn.name,
              from: t.source,
              to: t.destination,
              goal: goal.ownerId ? 'primary' : 'management',
              reason: t.drop?.reason ?? null,
              dropAt: t.drop?.hostId ?? null,
            },
          });
        }
      }
    }
  },
});
