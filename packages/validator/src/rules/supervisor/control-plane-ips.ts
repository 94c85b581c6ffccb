import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import type { L3Address } from '../../l3/model.ts';
import { ip, sameIp } from '../../l3/addr.ts';
import {
  managementBlockSize,
  hostBounds,
  offsetIp,
  rangesByNetwork,
  rangesByOwner,
  workloadNetworksBySupervisor,
} from '../../queries/supervisor.ts';
import { poolCapacity } from '../../queries/capacity.ts';

/** Ranges on the management network that hand their addresses to someone else. */
const TAKEN_PURPOSES = new Set(['dhcp', 'se-pool', 'vip-pool', 'se-vip-pool', 'haproxy-vip', 'node', 'workload']);

export default defineRule({
  meta: {
    id: 'supervisor/control-plane-ips',
    severity: 'error',
    category: 'supervisor',
    description:
      "The primary workload network's ranges cannot give the Supervisor its control-plane addresses, or its management start address does not leave 5 consecutive free addresses.",
    docs: `### Why
A Supervisor on vDS networking takes two blocks of addresses when it is enabled:
- **workload side:** its 3 control-plane VMs each take one address from the range(s) of the **primary** workload network;
- **management side:** starting at the management start address it takes **5 consecutive** addresses on the
  management network — one per control-plane VM, the floating address of the control plane, and one spare for the
  VM that replaces another during an upgrade.

If the primary ranges hold fewer usable addresses than the control plane needs (counted as \`ipam/pool-exhausted\`
counts every pool: inside the subnet, not its network or broadcast address, not in a reserved range or HAProxy's VIP
range, not held by anything else - the gateway, HAProxy's workload address, a node), or if one of the 5 management addresses runs past the subnet, is the gateway, is held by
another element (vCenter, HAProxy, a router) or lies in a DHCP scope or pool, enablement fails or the Supervisor
collides with another host.

### How to fix in Viplane
Select the primary workload network and widen its **Address ranges** (seed 002:
192.168.120.31-192.168.120.40 gives 10 addresses: 3 for the Supervisor, the rest for TKC nodes), and set the
Supervisor's **Management start address** to the first of 5 free consecutive addresses (seed 002 design:
192.168.110.20-192.168.110.24 on 192.168.110.0/24).

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L12 and L19: the Supervisor's Kubernetes control-plane VMs use 3 IP
addresses from the primary workload network's range. The 5 consecutive management addresses are the vSphere requirement
recorded in the seed 002 digest (§3, "Supervisor management IPs") and the model's \`managementStartAddress\`; both counts
scale with \`controlPlaneCount\` (control plane, control plane + 2). The management block is one definition
(\`managementBlockSize\`) shared with \`ipam/duplicate-ip\`, \`ipam/static-ip-in-dynamic-range\` and \`ipam/pool-exhausted\`.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    const supervisors = model.ofKind('supervisor');
    if (supervisors.length === 0) return;
    const bySupervisor = workloadNetworksBySupervisor(model);
    const owned = rangesByOwner(model);
    const onNetwork = rangesByNetwork(model);

    // Workload side: the primary network's ranges.
    for (const sup of supervisors) {
      const needed = sup.props.controlPlaneCount;
      if (needed === 0) continue;
      for (const wn of (bySupervisor.get(sup.id) ?? []).filter((w) => w.props.primary)) {
        const net = wn.props.portGroupId === null ? undefined : model.networkById.get(wn.props.portGroupId);
        const ranges = (owned.get(wn.id) ?? []).filter((r) => r.purpose === 'workload');
        // The capacity ipam/pool-exhausted uses (queries/capacity.ts), which defers to this rule below `needed`.
        const usable = poolCapacity(model, net, ranges, 'pool');
        if (usable >= needed) continue;
        const targets: Target[] = [
          { kind: 'supervisor', id: sup.id },
          { kind: 'workloadNetwork', id: wn.id },
          ...ranges.map((r) => ({ kind: 'range' as const, id: r.id })),
        ];
        report({
          message:
            ranges.length === 0
              ? `Primary workload network ${wn.name} of Supervisor ${sup.name} has no address range: the ${needed} control-plane VMs need ${needed} addresses from it`
              : `Primary workload network ${wn.name} of Supervisor ${sup.name} gives ${usable} usable address(es) (${ranges.map((r) => r.text).join(', ')}${net?.subnetText ? ` on ${net.subnetText}` : ''}), but the ${needed} control-plane VMs need ${needed}`,
          targets,
          data: {
            supervisor: sup.name,
            workloadNetwork: wn.name,
            side: 'workload',
            usable: Number(usable),
            needed,
            ranges: ranges.map((r) => r.text),
          },
        });
      }
    }

    // Management side: consecutive free addresses from the start address.
    const managementNets = new Set<string>();
    for (const sup of supervisors) if (sup.props.managementNetworkId !== null) managementNets.add(sup.props.managementNetworkId);
    const held = new Map<string, L3Address[]>();
    for (let k = 0, all = model.addresses; k < all.length; k++) {
      const a = all[k]!;
      if (a.networkId === null || !managementNets.has(a.networkId) || !a.ip) continue;
      let list = held.get(a.networkId);
      if (!list) held.set(a.networkId, (list = []));
      list.push(a);
    }
    const windows = supervisors.flatMap((sup) => {
      const startText = sup.props.managementStartAddress;
      const net = sup.props.managementNetworkId === null ? undefined : model.networkById.get(sup.props.managementNetworkId);
      const start = startText === null ? null : ip(startText);
      if (!start || !net?.subnet || start.family !== net.subnet.family) return [];
      const count = managementBlockSize(sup.props.controlPlaneCount);
      const first = BigInt(start.value);
      return [
        { sup, net, start, startText: startText!, count, first, last: first + BigInt(count - 1), endText: offsetIp(start, count - 1) },
      ];
    });
    for (const { sup, net, start, startText, count, first, last, endText } of windows) {
      const problems: string[] = [];
      const targets: Target[] = [
        { kind: 'supervisor', id: sup.id },
        { kind: net.kind, id: net.id },
      ];
      const conflicts: { address: string; heldBy: string }[] = [];
      const bounds = hostBounds(net);
      if (bounds && (first < bounds[0] || last > bounds[1]))
        problems.push(`${startText}-${endText} does not fit in the host addresses of ${net.subnetText}`);
      if (net.gateway && net.gateway.family === start.family && BigInt(net.gateway.value) >= first && BigInt(net.gateway.value) <= last) {
        problems.push(`${net.gateway.text} is the network's gateway`);
        conflicts.push({ address: net.gateway.text, heldBy: 'gateway' });
      }
      for (const a of held.get(net.id) ?? []) {
        if (a.ownerId === sup.id || !a.ip || a.ip.family !== start.family) continue;
        // Another Supervisor's block is reported as a whole below.
        if (a.ownerKind === 'supervisor' && windows.some((w) => w.sup.id === a.ownerId && w.net.id === net.id)) continue;
        const v = BigInt(a.ip.value);
        if (v < first || v > last || (net.gateway && sameIp(a.ip, net.gateway))) continue;
        const owner = model.elements.get(a.ownerId);
        problems.push(`${a.text} is held by ${owner?.name ?? a.ownerId}`);
        conflicts.push({ address: a.text, heldBy: owner?.name ?? a.ownerId });
        if (!targets.some((t) => t.id === a.ownerId)) targets.push({ kind: a.ownerKind, id: a.ownerId });
        if (a.linkId) targets.push({ kind: 'link', id: a.linkId });
      }
      for (const r of onNetwork.get(net.id) ?? []) {
        if (!TAKEN_PURPOSES.has(r.purpose) || !r.start || !r.end || r.start.family !== start.family) continue;
        if (BigInt(r.end.value) < first || BigInt(r.start.value) > last) continue;
        problems.push(`the ${r.purpose} range ${r.text} overlaps them`);
        conflicts.push({ address: r.text, heldBy: r.purpose });
        targets.push({ kind: 'range', id: r.id });
      }
      for (const other of windows) {
        if (other.sup === sup || other.net.id !== net.id || other.start.family !== start.family || other.last < first || other.first > last)
          continue;
        problems.push(`they overlap the management addresses ${other.startText}-${other.endText} of Supervisor ${other.sup.name}`);
        conflicts.push({ address: `${other.startText}-${other.endText}`, heldBy: other.sup.name });
        targets.push({ kind: 'supervisor', id: other.sup.id });
      }
      if (problems.length === 0) continue;
      report({
        message: `Supervisor ${sup.name} needs ${count} consecutive free management addresses ${startText}-${endText} on ${net.name} (${net.subnetText}), but ${problems.join('; ')}`,
        targets,
        data: {
          supervisor: sup.name,
          side: 'management',
          start: startText,
          end: endText,
          count,
          network: net.name,
          subnet: net.subnetText,
          conflicts,
        },
      });
    }
  },
});
