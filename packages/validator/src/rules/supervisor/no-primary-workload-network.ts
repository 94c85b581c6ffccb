import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { workloadNetworksBySupervisor } from '../../queries/supervisor.ts';

export default defineRule({
  meta: {
    id: 'supervisor/no-primary-workload-network',
    severity: 'error',
    category: 'supervisor',
    description: 'A Supervisor (vDS networking) has no primary workload network, or more than one.',
    docs: `### Why
With vSphere Distributed Switch networking the Supervisor's three control-plane VMs get their workload-side addresses
from the **primary** workload network, and that is where HAProxy reaches the Kubernetes API. vCenter requires exactly
one port group to be designated primary when the Supervisor is enabled, and it cannot be changed (or workload networks
added) afterwards. With none, the Supervisor cannot be enabled; with two, the design does not say which one the
control plane uses.

### How to fix in Viplane
Select one workload network of the Supervisor and turn **Primary workload network** on (exactly one;
seed 002: \`primary-pg\` 192.168.120.0/24 with range 192.168.120.31-192.168.120.40); the others stay namespace
workload networks.

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L9: 「各 スーパーバイザー クラスタ にそれぞれ 1 つのプライマリ ワークロード
ネットワークが必要です」 — each Supervisor needs one primary workload network, one port group designated as primary; L10:
workload networks are only added at enablement. A Supervisor without any workload network and without HAProxy is taken to
use NSX-T networking (seed 001), which has no vDS workload networks, and is not checked.`,
    seeds: ['002'],
  },
  check({ model, report }) {
    const bySupervisor = workloadNetworksBySupervisor(model);
    for (const sup of model.ofKind('supervisor')) {
      const networks = bySupervisor.get(sup.id) ?? [];
      const primaries = networks.filter((w) => w.props.primary);
      if (primaries.length === 1) continue;
      if (primaries.length === 0 && networks.length === 0 && sup.props.loadBalancer.provider !== 'haproxy') continue;
      const listed = primaries.length > 1 ? primaries : networks;
      const targets: Target[] = [
        { kind: 'supervisor', id: sup.id },
        ...listed.map((w) => ({ kind: 'workloadNetwork' as const, id: w.id })),
      ];
      report({
        message:
          primaries.length === 0
            ? `Supervisor ${sup.name} has no primary workload network${networks.length ? ` (workload networks: ${networks.map((w) => w.name).join(', ')})` : ''}: exactly one must be primary`
            : `Supervisor ${sup.name} has ${primaries.length} primary workload networks (${primaries.map((w) => w.name).join(', ')}): exactly one must be primary`,
        targets,
        data: {
          supervisor: sup.name,
          primaryCount: primaries.length,
          primaries: primaries.map((w) => w.name),
          workloadNetworks: networks.map((w) => w.name),
        },
      });
    }
  },
});
