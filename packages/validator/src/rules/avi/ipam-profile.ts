import { defineRule } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { elementOf } from '../../queries/routing.ts';
import { vipRequests, type VipRequest } from '../../queries/avi.ts';
import { elementTarget } from '../../queries/ipam.ts';
import { isUnknown } from '../../unknown.ts';

export default defineRule({
  meta: {
    id: 'avi/ipam-profile',
    severity: 'error',
    category: 'avi',
    description:
      "VIPs are taken from a pool while the Controller has no IPAM profile, or the VIP network is not one of the profile's usable networks.",
    docs: `### Why
A virtual service without a fixed address gets its VIP from the Controller's IPAM: the cloud's IPAM profile
(type Avi Vantage IPAM) allocates it from the static IP pool of one of the profile's **usable networks**.
AKO (LoadBalancer services and Ingresses), the AKO operator of TKG (\`AVI_DATA_NETWORK\`) and a TKG cluster's
NSX-ALB control-plane endpoint all ask for VIPs this way. With no IPAM profile on the cloud, or with the
VIP network missing from its usable networks, the allocation fails: the virtual service stays down with
"no IP available", LoadBalancer services stay \`<pending>\`, and a TKG cluster never gets its API VIP.

### How to fix in Viplane
Select the NSX-ALB Controller and set **IPAM profile** (a name) with the VIP network among its
**usable networks**; or give the virtual service a fixed **address**.

### Source
AKO README (vmware/load-balancer-and-ingress-services-for-kubernetes, \`docs/README.md\`, "Pre-requisites",
Step 2): "Make sure a PG network is part of the NS IPAM configured in the vCenter"; Avi
IpamDnsProviderProfile schema (vmware/alb-sdk \`swagger/IpamDnsProviderProfile.json\`: the internal
profile's usable networks). Seed 003: ipam-profile with alb-vip usable (L117-119).`,
    seeds: ['003'],
  },
  check({ model, report }) {
    // Controller -> network -> requesters, in document order.
    const byController = new Map<string, Map<string, VipRequest[]>>();
    for (const r of vipRequests(model)) {
      let nets = byController.get(r.controllerId);
      if (!nets) byController.set(r.controllerId, (nets = new Map()));
      const list = nets.get(r.networkId);
      if (list) list.push(r);
      else nets.set(r.networkId, [r]);
    }
    for (const [controllerId, nets] of byController) {
      const controller = elementOf(model, controllerId, 'aviController');
      if (!controller || isUnknown(controller, 'ipamProfile')) continue;
      const profile = controller.props.ipamProfile;
      const usable = new Set(profile?.usableNetworkIds ?? []);
      const missing = [...nets].filter(([networkId]) => model.networkById.has(networkId) && !usable.has(networkId));
      if (missing.length === 0) continue;
      if (profile === null) {
        const targets: Target[] = [{ kind: 'aviController', id: controller.id }];
        const seen = new Set<string>();
        for (const [networkId, reqs] of missing) {
          targets.push(elementTarget(model, networkId));
          for (const r of reqs)
            if (!seen.has(r.sourceId)) {
              seen.add(r.sourceId);
              targets.push(elementTarget(model, r.sourceId));
            }
        }
        const names = missing.map(([id]) => model.networkById.get(id)!.name);
        report({
          message: `Controller ${controller.name} has no IPAM profile, but VIPs are to be allocated from pools on ${names.join(', ')}`,
          targets,
          data: { controller: controller.name, networks: names, profile: null },
        });
        continue;
      }
      for (const [networkId, reqs] of missing) {
        const net = model.networkById.get(networkId)!;
        const targets: Target[] = [{ kind: 'aviController', id: controller.id }, elementTarget(model, networkId)];
        const seen = new Set<string>();
        for (const r of reqs)
          if (!seen.has(r.sourceId)) {
            seen.add(r.sourceId);
            targets.push(elementTarget(model, r.sourceId));
          }
        report({
          message: `VIP network ${net.name} is not a usable network of IPAM profile ${profile.name} on Controller ${controller.name}; VIPs cannot be allocated there`,
          targets,
          data: { controller: controller.name, networks: [net.name], profile: profile.name },
        });
      }
    }
  },
});
