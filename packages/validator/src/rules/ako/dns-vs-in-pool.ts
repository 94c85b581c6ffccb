import { defineRule } from '../../engine/rule.ts';
import { inRange } from '../../l3/addr.ts';
import { AVI_POOL_PURPOSES, lbIndex, parseAddress } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'ako/dns-vs-in-pool',
    severity: 'error',
    category: 'ako',
    description: "The NSX-ALB DNS virtual service's address lies inside an IP pool of its network.",
    docs: `### Why
The DNS virtual service is the delegated authority for the Ingress subdomain: the parent zone's NS/glue
records point at its address, so it is assigned by hand and must never change. An address inside the
network's Avi IP pool can also be handed out by the Controller, to a LoadBalancer service or Ingress VIP or
to an SE interface, and the two then clash (seed 003: the pool's first address 172.16.251.1 went to the
first LoadBalancer service).

### How to fix in Viplane
Select the DNS virtual service and set its **Address** to an address of the VIP network outside every
pool (seed 003: 172.16.251.253 with the pool 172.16.251.1-172.16.251.100), or shrink the VIP network's pool range
(**Address ranges**).

### Source
Seed 003 (AKO): the DNS VS address 172.16.251.253 is assigned by hand (L204-206), outside the VIP pool
172.16.251.1-172.16.251.100 from which the LoadBalancer (172.16.251.1) and the Ingress (172.16.251.4)
took their VIPs (L148, L241).`,
    seeds: ['003'],
  },
  check(ctx) {
    const { model } = ctx;
    const { rangesByNetwork } = lbIndex(model);
    for (const dns of model.ofKind('aviDnsVs')) {
      const address = parseAddress(dns.props.address);
      if (!address || dns.props.networkId === null) continue;
      const net = model.networkById.get(dns.props.networkId);
      for (const range of rangesByNetwork.get(dns.props.networkId) ?? []) {
        if (!AVI_POOL_PURPOSES.has(range.purpose) || !range.start || !range.end || !inRange(range.start, range.end, address)) continue;
        ctx.report({
          message: `DNS virtual service ${dns.name} at ${address.text} is inside the ${range.purpose} ${range.text} of ${net?.name ?? dns.props.networkId}; the Controller can hand that address to a VIP or SE as well`,
          targets: [{ kind: 'aviDnsVs', id: dns.id }, ...(net ? [{ kind: net.kind, id: net.id }] : []), { kind: 'range', id: range.id }],
          data: { dnsVs: dns.name, address: address.text, network: net?.name ?? null, range: range.text, purpose: range.purpose },
        });
      }
    }
  },
});
