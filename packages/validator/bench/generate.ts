/**
 * Seeded generator of the "large estate" of performance.md §5.1 (50 VRFs, 2,000 networks, 6,000
 * ranges, 400 cluster CIDRs, 20,000 held addresses, 2,000 static routes, 1,000 traces) and of
 * multiples of it. The document is valid (restore() accepts it) and clean on purpose: benchmarks
 * then measure the work of a design people actually keep, and the incremental bench's edits are
 * the only source of conflicts.
 *
 * Layout per routing domain d (10.d.0.0/16, so domains never share space and 5× = 250 domains
 * still fits in 10/8):
 *   - 40 port groups /22; each: gateway .1 held by the router, DHCP scope +16..+127, node range
 *     +128..+255, VIP pool +256..+383; static node addresses +384.., VIPs +800.., infra +2..+9.
 *   - 1 client network 10.d.240.0/24 (trace sources), 1 router (the VRF) with a nic on each
 *     network and 38 static routes to 172.16/12 /26 blocks via +5 of a connected network.
 *   - 1 NSX-ALB Controller (2 VRF default routes) + 1 SE group (mgmt + 3 data nics, static).
 *   - 2 k8sClusters with static node addresses, 2 tkgClusters with kube-vip endpoints; each
 *     cluster gets a pod and a service /22 in 100.64.0.0/10 (disjoint estate-wide).
 *   - 20 virtual services with static VIPs; 20 traces (client network -> a VIP or a node).
 * The PRNG decides the node counts' jitter, VIP placement, route lengths and trace pairs.
 */
import { DesignBuilder, formatIp4, type TopologyDocument } from '@viplane/model';

/** mulberry32: tiny, fast, good enough for benchmark data; written inline to stay dependency-free. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TracePair {
  from: { elementId: string };
  to: { address: string };
}

export interface Estate {
  /** The options it was generated from: the same pair generates the same estate (baselineWorker.ts). */
  scale: number;
  seed: number;
  doc: TopologyDocument;
  traces: TracePair[];
  /** What was generated, for the bench's header (checked against performance.md's definition). */
  counts: Record<'domains' | 'networks' | 'clientNetworks' | 'ranges' | 'clusterCidrs' | 'addresses' | 'staticRoutes' | 'traces', number>;
  /** Handy ids for edits: one port group, one of its ranges, one k8s cluster with its first node. */
  sample: { networkId: string; rangeId: string; clusterId: string; nodeId: string };
}

const NETS_PER_DOMAIN = 40;
const NET_SIZE = 1024; // /22
const ROUTER_ROUTES = 38; // + 2 Controller routes per domain = 40 per domain = 2,000 at 50 domains
const VS_PER_DOMAIN = 20;
const TRACES_PER_DOMAIN = 20;
const ADDRESSES_PER_UNIT = 20_000;
const CLUSTER_BASE = 0x64400000; // 100.64.0.0/10
const ROUTE_BASE = 0xac100000; // 172.16.0.0/12

/** `scale` 1 is the large estate; 5 is the 5× estate; fractions give small estates for tests. */
export function generateEstate(options: { scale?: number; seed?: number } = {}): Estate {
  const scale = options.scale ?? 1;
  const rnd = mulberry32(options.seed ?? 1);
  const domains = Math.max(1, Math.round(50 * scale));
  if (domains > 250) throw new RangeError('at most 250 routing domains (10.d.0.0/16 per domain)');
  const b = new DesignBuilder({ name: `bench estate ×${scale}`, origin: 'bench' });
  const traces: TracePair[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ip = (v: number) => formatIp4(v);

  // Static node addresses fill what the other holders leave of 20,000 per 50 domains.
  const perDomainFixed = NETS_PER_DOMAIN + 1 + 1 + 4 + VS_PER_DOMAIN + 2; // router nics, ctrl, SE, VS, endpoints
  const nodesTotal = Math.round((ADDRESSES_PER_UNIT * domains) / 50) - perDomainFixed * domains;
  const k8sCount = 2 * domains;
  let nodesLeft = nodesTotal;
  let clusterIndex = 0;
  let routeIndex = 0;
  let sample: Estate['sample'] | undefined;
  const nextClusterCidr = () => `${ip(CLUSTER_BASE + clusterIndex++ * NET_SIZE)}/22`;

  for (let d = 0; d < domains; d++) {
    const base = (10 << 24) + d * 65536;
    const domain = `vrf-${d}`;
    const netStart = (k: number) => base + k * NET_SIZE;
    const nets: string[] = [];
    for (let k = 0; k < NETS_PER_DOMAIN; k++) {
      const s = netStart(k);
      const id = `pg-${d}-${k}`;
      nets.push(
        b.add(
          'portGroup',
          id,
          {
            vlan: 100 + k,
            subnet: `${ip(s)}/22`,
            gateway: ip(s + 1),
            dhcp: true,
            albRegistered: k < 4,
            routingDomain: domain,
            ranges: [
              { id: `${id}-dhcp`, purpose: 'dhcp', start: ip(s + 16), end: ip(s + 127) },
              { id: `${id}-node`, purpose: 'node', start: ip(s + 128), end: ip(s + 255) },
              { id: `${id}-vip`, purpose: k >= 1 && k <= 3 ? 'se-vip-pool' : 'vip-pool', start: ip(s + 256), end: ip(s + 383) },
            ],
          },
          { id },
        ),
      );
    }
    const client = b.add(
      'clientNetwork',
      `clients-${d}`,
      { subnet: `${ip(base + 240 * 256)}/24`, gateway: ip(base + 240 * 256 + 1), routingDomain: domain },
      { id: `cl-${d}` },
    );

    const routes = [];
    for (let r = 0; r < ROUTER_ROUTES; r++) {
      const len = 26 + Math.floor(rnd() * 5); // /26../30 inside its own /26 block
      routes.push({
        id: `rt-${d}-r${r}`,
        prefix: `${ip(ROUTE_BASE + routeIndex++ * 64)}/${len}`,
        nextHop: ip(netStart(r % NETS_PER_DOMAIN) + 5),
      });
    }
    const router = b.add('router', `router-${d}`, { staticRoutes: routes, routingDomain: domain }, { id: `rt-${d}` });
    for (let k = 0; k < NETS_PER_DOMAIN; k++) b.nic(router, nets[k]!, { role: 'routed', address: ip(netStart(k) + 1) });
    b.nic(router, client, { role: 'routed', address: ip(base + 240 * 256 + 1) });

    const ctrl = b.add(
      'aviController',
      `avi-${d}`,
      {
        vrfs: [
          { name: 'global', staticRoutes: [{ id: `ctl-${d}-g`, prefix: '0.0.0.0/0', nextHop: ip(netStart(1) + 1) }] },
          { name: 'management', staticRoutes: [{ id: `ctl-${d}-m`, prefix: '0.0.0.0/0', nextHop: ip(netStart(0) + 1) }] },
        ],
      },
      { id: `ctl-${d}` },
    );
    b.nic(ctrl, nets[0]!, { role: 'management', address: ip(netStart(0) + 2) });
    const se = b.add('seGroup', `se-${d}`, { controllerId: ctrl }, { id: `se-${d}` });
    b.nic(se, nets[0]!, { role: 'management', address: ip(netStart(0) + 3) });
    for (let k = 1; k <= 3; k++) b.nic(se, nets[k]!, { role: 'data', address: ip(netStart(k) + 3) });

    const clusters: string[] = [];
    const nodeTargets: string[] = [];
    for (let j = 0; j < 2; j++) {
      const k = 4 + j;
      const remaining = k8sCount - (d * 2 + j);
      const count = Math.max(1, Math.round(nodesLeft / remaining + (rnd() - 0.5) * 8));
      nodesLeft -= count;
      if (count > 600) throw new RangeError('too many nodes per cluster for the /22 layout');
      const nodes = Array.from({ length: count }, (_, n) => ({
        id: `k8s-${d}-${j}-n${n}`,
        name: `node-${n}`,
        role: n < 3 ? ('control-plane' as const) : ('worker' as const),
        address: ip(netStart(k) + 384 + n),
        leafId: null,
      }));
      const id = b.add(
        'k8sCluster',
        `k8s-${d}-${j}`,
        { nodeNetworkId: nets[k]!, nodes, podCidr: nextClusterCidr(), serviceCidr: nextClusterCidr() },
        { id: `k8s-${d}-${j}` },
      );
      clusters.push(id);
      nodeTargets.push(...nodes.map((n) => n.address));
      sample ??= { networkId: nets[k]!, rangeId: `${nets[k]!}-vip`, clusterId: id, nodeId: nodes[0]!.id };
    }
    for (let j = 0; j < 2; j++) {
      const k = 6 + j;
      clusters.push(
        b.add(
          'tkgCluster',
          `tkg-${d}-${j}`,
          {
            nodeNetworkId: nets[k]!,
            endpoint: { provider: 'kube-vip', address: ip(netStart(k) + 10) },
            controllerId: ctrl,
            seGroupId: se,
            workloadVipNetworkId: nets[1]!,
            controlPlaneVipNetworkId: nets[2]!,
            controlPlaneCount: 1,
            workerCount: 3,
            podCidr: nextClusterCidr(),
            serviceCidr: nextClusterCidr(),
          },
          { id: `tkg-${d}-${j}` },
        ),
      );
    }

    const vips: string[] = [];
    const perNet = [0, 0, 0];
    for (let i = 0; i < VS_PER_DOMAIN; i++) {
      const slot = Math.floor(rnd() * 3);
      const address = ip(netStart(1 + slot) + 800 + perNet[slot]!++);
      vips.push(address);
      b.add(
        'virtualService',
        `vs-${d}-${i}`,
        { loadBalancerId: se, vipNetworkId: nets[1 + slot]!, address, backendClusterId: pick(clusters) },
        { id: `vs-${d}-${i}` },
      );
    }
    for (let t = 0; t < TRACES_PER_DOMAIN; t++)
      traces.push({ from: { elementId: client }, to: { address: t % 2 === 0 ? pick(vips) : pick(nodeTargets) } });
  }

  const doc = b.build();
  return {
    scale,
    seed: options.seed ?? 1,
    doc,
    traces,
    counts: {
      domains,
      networks: domains * NETS_PER_DOMAIN,
      clientNetworks: domains,
      ranges: domains * NETS_PER_DOMAIN * 3,
      clusterCidrs: clusterIndex,
      addresses: nodesTotal + perDomainFixed * domains,
      staticRoutes: routeIndex + 2 * domains,
      traces: traces.length,
    },
    sample: sample!,
  };
}
