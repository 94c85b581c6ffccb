import { defineRule } from '../../engine/rule.ts';
import { cidr, cidrsOverlap, type Cidr } from '../../l3/addr.ts';

/** Docker's default bridge and the network `kind` creates for the TKG bootstrap cluster. */
export const DOCKER_RANGES: readonly { text: string; cidr: Cidr; what: string }[] = [
  { text: '172.17.0.0/16', cidr: cidr('172.17.0.0/16')!, what: "Docker's default bridge (docker0)" },
  { text: '172.18.0.0/16', cidr: cidr('172.18.0.0/16')!, what: 'the kind network of the bootstrap cluster' },
];

export default defineRule({
  meta: {
    id: 'k8s/docker-bridge-overlap',
    severity: 'warning',
    category: 'k8s',
    description:
      "A TKG cluster's node or VIP network overlaps Docker's default bridge ranges on the bootstrap machine (172.17.0.0/16, 172.18.0.0/16).",
    docs: `### Why
\`tanzu management-cluster create\` runs a temporary \`kind\` cluster in Docker on the bootstrap machine. Docker
puts its default bridge on 172.17.0.0/16 and \`kind\` its network on 172.18.0.0/16, with routes to them on the
bootstrap machine. When the cluster's node network or a VIP network (the control-plane endpoint) lies in
those ranges, the bootstrap machine and the kind cluster route the cluster's addresses to the local bridge:
the bootstrap cannot reach the new control plane and the creation times out. It works once Docker's
\`bip\` / default address pools are moved, so this is a warning.

### How to fix in Viplane
Move the TKG cluster's **node network** or **VIP network** to a subnet outside 172.17.0.0/16 and
172.18.0.0/16, or note in the design that the bootstrap machine's Docker uses other address pools
(\`daemon.json\` \`bip\` and \`default-address-pools\`).

### Source
openshift/installer#3882: the installer refuses a machine network "overlaps with default Docker Bridge
subnet" (172.17.0.0/16) for the same reason. Docker documentation, "Bridge network driver": the default
bridge uses 172.17.0.0/16; kind creates its \`kind\` network on the next free private /16, normally
172.18.0.0/16. TKG creates the management cluster from a kind cluster in Docker on the bootstrap machine.`,
    seeds: [],
  },
  check({ model, report }) {
    for (const c of model.ofKind('tkgCluster')) {
      const nets = new Map<string, string>();
      const add = (id: string | null, role: string) => {
        if (id !== null && !nets.has(id)) nets.set(id, role);
      };
      add(c.props.nodeNetworkId, 'node network');
      add(c.props.controlPlaneVipNetworkId, 'control-plane VIP network');
      add(c.props.workloadVipNetworkId, 'VIP network');
      for (const [id, role] of nets) {
        const net = model.networkById.get(id);
        if (!net?.subnet || net.subnet.family !== 4) continue;
        for (const d of DOCKER_RANGES) {
          if (!cidrsOverlap(net.subnet, d.cidr)) continue;
          report({
            message: `${role[0]!.toUpperCase()}${role.slice(1)} ${net.name} (${net.subnetText}) of ${c.name} overlaps ${d.text}, ${d.what} on the bootstrap machine`,
            targets: [
              { kind: 'tkgCluster', id: c.id },
              { kind: net.kind, id: net.id },
            ],
            data: { cluster: c.name, network: net.name, subnet: net.subnetText, docker: d.text },
          });
        }
      }
    }
  },
});
