import { defineRule } from '../../engine/rule.ts';
import { haproxyNics } from '../../queries/haproxy.ts';

export default defineRule({
  meta: {
    id: 'haproxy/default-topology-in-production',
    severity: 'warning',
    category: 'haproxy',
    description:
      'A production design deploys HAProxy in the Default (2 NIC) configuration; the Frontend (3 NIC) configuration is recommended.',
    docs: `### Why
In the **Default** configuration (2 NICs: management, workload) the VIPs live on the workload network, next to the
Supervisor control-plane VMs and TKC nodes: the users and external services that reach the VIPs can also route
straight to the nodes. The **Frontend** configuration (3 NICs) puts the VIPs on a separate frontend network, so clients
only ever reach HAProxy, which forwards to the nodes over the workload network.

### How to fix in Viplane
Select the HAProxy and set **Topology** to \`frontend\`: add a frontend port group (e.g.
\`192.168.130.0/24\`), give the HAProxy a **frontend** interface on it (**Interfaces → Add interface** with that
network and role **frontend**; or drag its **Frontend** handle onto it) with a static **address** and **gateway**,
and move the **VIP ranges** into the frontend subnet. Keep Default for labs and PoCs, or set the design's
environment to \`lab\`.

### Source
Seed 002 (HAProxy topologies for vSphere with Tanzu), L37: 「本番環境インストールでは、 [フロントエンド ネットワーク] 構成を使用して
HAProxy ロード バランサをデプロイすることが推奨されます」 — the Frontend configuration is recommended for production; L56 and
L103/L120 (topology 4, 3 NICs, recommended for production; decision guide: keep users from routing directly to nodes).`,
    seeds: ['002'],
  },
  check({ model, report }) {
    if (model.document.environment !== 'production') return;
    for (const { haproxy } of haproxyNics(model)) {
      if (haproxy.props.topology !== 'default') continue;
      report({
        message: `HAProxy ${haproxy.name} uses the Default topology (2 NICs, VIPs on the workload network) in production design "${model.document.name}": the Frontend topology (3 NICs) is recommended`,
        targets: [{ kind: 'haproxy', id: haproxy.id }],
        data: { haproxy: haproxy.name, topology: haproxy.props.topology, environment: model.document.environment },
      });
    }
  },
});
