/**
 * tracePath on the seeds' reference designs: through the load balancer to the backend and back.
 * Assertions are on ids, addresses, ports and drop reasons — not on wording.
 */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import type { FilterRule, TopologyDocument } from '@viplane/model';
import { lower, tracePath, type PathTrace, type TraceLeg } from '../src/index.ts';

function design(templateId: string, mutationId?: string): TopologyDocument {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const doc = template.build();
  if (!mutationId) return doc;
  const mutation = template.mutations.find((m) => m.id === mutationId);
  if (!mutation) throw new Error(`no mutation ${mutationId} in ${templateId}`);
  return mutation.apply(doc);
}

const ids = (leg: TraceLeg | undefined) => (leg?.hops ?? []).map((h) => h.elementId);
const leg = (t: PathTrace, kind: TraceLeg['kind'], n: number) => t.legs.filter((l) => l.kind === kind)[n];

describe('tracePath: seed 000 3-network kube-vip design, clients to the nginx app', () => {
  const model = lower(design('seed000-3net-kubevip'));
  const t = tracePath(model, { elementId: 'clients' }, { elementId: 'vs-nginx' });

  it('reaches the VIP held by the SE group through the L3 switch', () => {
    const toVip = leg(t, 'forward', 0)!;
    expect(toVip.delivered).toBe(true);
    expect(ids(toVip)).toEqual(['clients', 'l3-switch', 'vs-nginx']);
    const vip = toVip.hops.at(-1)!;
    expect(vip).toMatchObject({
      kind: 'vip',
      hostId: 'se-group-default',
      vrf: 'global',
      ingress: { networkId: 'dp-data-48', address: '192.168.49.0' },
    });
    expect(t.sourceName).toContain('clients (anywhere)');
    expect(t.destinationName).toContain('nginx');
    expect(t.source).toBe('clients');
  });

  it('goes from the SE data VRF through its default route to a node NodePort, source-NATed to the SE interface', () => {
    const toBackend = leg(t, 'forward', 1)!;
    expect(t.mode).toBe('nodeport');
    expect(toBackend.delivered).toBe(true);
    expect(ids(toBackend)).toEqual(['se-group-default', 'l3-switch', 'workload-cluster-1', 'workload-cluster-1']);
    expect(toBackend.hops.map((h) => h.kind)).toEqual(['load-balancer', 'forward', 'node', 'pod']);
    const se = toBackend.hops[0]!;
    expect(se.vrf).toBe('global');
    expect(se.route).toMatchObject({ prefix: '0.0.0.0/0', nextHop: '192.168.48.1', origin: 'static' });
    expect(se.egress).toMatchObject({ networkId: 'dp-data-48', address: null });
    const snat = se.nat?.find((n) => n.kind === 'snat');
    expect(snat).toMatchObject({ from: '198.51.100.10', to: '192.168.48.10', pool: '192.168.48.10-192.168.48.49' });
    const dnat = se.nat?.find((n) => n.kind === 'dnat');
    expect(dnat).toMatchObject({ from: '192.168.49.0:80', to: '192.168.54.1:30000-32767' });
    const node = toBackend.hops[2]!;
    expect(node.ingress).toMatchObject({ networkId: 'dp-data-52', address: '192.168.54.1' });
    expect(node.nat?.[0]).toMatchObject({ kind: 'dnat', from: 'NodePort 30000-32767', to: expect.stringContaining('100.96.0.0/11') });
    expect(t.delivered).toBe(true);
    expect(t.deliveredOn).toEqual({ networkId: 'dp-data-52', elementId: 'workload-cluster-1' });
  });

  it('comes back: node → SE interface address, then SE → client through the data default gateway', () => {
    const fromNode = leg(t, 'reply', 0)!;
    expect(fromNode).toMatchObject({ delivered: true, from: '192.168.54.1', to: '192.168.48.10' });
    expect(ids(fromNode)).toEqual(['workload-cluster-1', 'l3-switch', 'se-group-default']);
    expect(fromNode.hops.at(-1)!.ingress).toMatchObject({ networkId: 'dp-data-48', address: '192.168.48.10' });
    const toClient = leg(t, 'reply', 1)!;
    expect(toClient).toMatchObject({ delivered: true, from: '192.168.49.0', to: '198.51.100.10' });
    expect(ids(toClient)).toEqual(['se-group-default', 'l3-switch', 'clients']);
    expect(toClient.hops[0]!.route).toMatchObject({ prefix: '0.0.0.0/0', nextHop: '192.168.48.1' });
    expect(t.replied).toBe(true);
  });

  it('keeps the old flat hop list: every forward hop in order, with the ids machines use', () => {
    expect(t.hops.map((h) => h.elementId)).toEqual([...ids(leg(t, 'forward', 0)), ...ids(leg(t, 'forward', 1))]);
    expect(t.hops[1]).toMatchObject({ hostId: 'l3-switch', name: 'L3 switch', egressNetworkId: 'dp-data-48' });
  });

  it('traces the kube-vip control-plane endpoint to the node that holds it, and back through the node network gateway', () => {
    const api = tracePath(model, { elementId: 'clients' }, { address: '192.168.52.100' });
    expect(api.mode).toBe('kube-vip');
    expect(api.delivered).toBe(true);
    expect(ids(leg(api, 'forward', 0))).toEqual(['clients', 'l3-switch', 'management-cluster', 'management-cluster']);
    expect(leg(api, 'reply', 0)).toMatchObject({ delivered: true, from: '192.168.52.100' });
    expect(api.replied).toBe(true);
  });
});

describe('tracePath: a data VRF without a default route', () => {
  it('shows the reply leg broken at the SE when the SE reaches the nodes directly (3-network NSX-ALB endpoint)', () => {
    const ok = tracePath(lower(design('seed000-3net-alb')), { elementId: 'clients' }, { address: '192.168.49.10' });
    expect(ok.replied).toBe(true);

    const t = tracePath(lower(design('seed000-3net-alb', 'no-data-default-route')), { elementId: 'clients' }, { address: '192.168.49.10' });
    expect(t.delivered).toBe(true);
    const toBackend = leg(t, 'forward', 1)!;
    expect(toBackend.hops[0]!.egress?.networkId).toBe('dp-data-52');
    expect(toBackend.hops[0]!.nat?.find((n) => n.kind === 'snat')?.to).toBe('192.168.52.10');
    expect(leg(t, 'reply', 0)!.delivered).toBe(true);
    const toClient = leg(t, 'reply', 1)!;
    expect(toClient.delivered).toBe(false);
    expect(toClient.drop).toMatchObject({ reason: 'no-route', hostId: 'se-group-default' });
    expect(toClient.drop!.message).toContain('routing/no-default-gateway');
    expect(t.replied).toBe(false);
  });

  it('drops the SE → node leg in the kube-vip design, where that default route also reached the node network', () => {
    const t = tracePath(
      lower(design('seed000-3net-kubevip', 'no-data-default-route')),
      { elementId: 'clients' },
      { elementId: 'vs-nginx' },
    );
    expect(t.delivered).toBe(false);
    expect(t.drop).toMatchObject({ reason: 'no-route', hostId: 'se-group-default' });
    expect(t.drop!.message).toContain('routing/no-default-gateway');
    expect(t.replied).toBeNull();
  });
});

describe('tracePath: pod addresses', () => {
  it('says plainly that overlay pods are not routable from outside the cluster', () => {
    const t = tracePath(lower(design('seed000-3net-kubevip')), { elementId: 'clients' }, { address: '100.96.1.5' });
    expect(t.delivered).toBe(false);
    expect(t.drop?.reason).toBe('pods-not-routable');
    expect(t.drop?.message).toContain('tkg-mgmt');
    expect(t.drop?.message).not.toContain('dp-data-52');
    expect(t.legs).toHaveLength(1);
  });

  it('reaches pods from the SE in AKO static-route mode (the SE has the podCIDR routes)', () => {
    const t = tracePath(lower(design('seed003-ako-static-route')), { elementId: 'se-group-default' }, { address: '10.244.1.5' });
    expect(t.delivered).toBe(true);
    expect(t.hops[0]!.route?.origin).toBe('cluster');
  });

  it('goes straight to a pod through the SE in static-route mode, and back to the SE interface', () => {
    const t = tracePath(lower(design('seed003-ako-static-route')), { elementId: 'clients' }, { elementId: 'vs-nginx1' });
    expect(t.mode).toBe('static-route');
    const toBackend = leg(t, 'forward', 1)!;
    expect(toBackend.hops.map((h) => h.kind)).toEqual(['load-balancer', 'pod']);
    expect(toBackend.hops[0]!.route?.origin).toBe('cluster');
    expect(toBackend.to).toBe('10.244.0.1');
    expect(t.replied).toBe(true);
  });
});

describe('tracePath: HAProxy (vSphere with Tanzu)', () => {
  it('goes from the VIP through HAProxy to a node of the TKC on the workload network, and back', () => {
    const t = tracePath(lower(design('seed002-single-2nic')), { elementId: 'clients' }, { elementId: 'vs-nginx' });
    expect(t.delivered).toBe(true);
    expect(t.mode).toBe('nodeport');
    const toBackend = leg(t, 'forward', 1)!;
    expect(toBackend.hops[0]).toMatchObject({ kind: 'load-balancer', elementId: 'haproxy-01' });
    expect(toBackend.hops[0]!.nat?.find((n) => n.kind === 'snat')?.to).toBe('192.168.120.5');
    const node = toBackend.hops.find((h) => h.kind === 'node')!;
    expect(node.ingress).toMatchObject({ networkId: 'workload-pg', address: '192.168.120.31' });
    expect(t.replied).toBe(true);
  });
});

describe('tracePath: plain traces', () => {
  it('is the routing trace with names when the destination is no VIP', () => {
    const model = lower(design('seed000-3net-kubevip'));
    const t = tracePath(model, { elementId: 'clients' }, { elementId: 'dp-data-52' });
    expect(t.legs).toHaveLength(1);
    expect(t.replied).toBeNull();
    expect(t.delivered).toBe(true);
    expect(t.hops.map((h) => h.elementName)).toEqual([expect.stringContaining('clients (anywhere)'), 'L3 switch']);
  });

  it('reports an unknown endpoint without throwing', () => {
    const t = tracePath(lower(design('seed000-3net-kubevip')), { elementId: 'nope' }, { address: '192.168.49.0' });
    expect(t).toMatchObject({ delivered: false, drop: { reason: 'unknown-endpoint' }, replied: null });
  });
});

describe('tracePath: a firewall between the clients and the VIP network', () => {
  /** Seed 000's 3-network kube-vip design with its L3 switch turned into a firewall with these rules. */
  function behindFirewall(rules: FilterRule[]): TopologyDocument {
    const doc = design('seed000-3net-kubevip');
    const i = doc.elements.findIndex((e) => e.id === 'l3-switch');
    const l3 = doc.elements[i];
    if (l3?.kind !== 'router') throw new Error('seed 000 has no L3 switch');
    doc.elements[i] = { ...l3, kind: 'firewall', props: { staticRoutes: l3.props.staticRoutes, routingDomain: l3.props.routingDomain, rules } };
    return doc;
  }
  const allowRest: FilterRule = { id: 'allow-rest', action: 'allow', sources: [], destinations: [], protocol: 'any', ports: 'any' };

  it('a deny of the virtual service port stops the client leg at the firewall, naming rule 2', () => {
    const t = tracePath(
      lower(
        behindFirewall([
          { id: 'ssh', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '22' },
          { id: 'no-web', action: 'deny', sources: [], destinations: ['dp-data-48'], protocol: 'tcp', ports: '80' },
          allowRest,
        ]),
      ),
      { elementId: 'clients' },
      { elementId: 'vs-nginx' },
    );
    expect(t.delivered).toBe(false);
    expect(t.legs).toHaveLength(1);
    const toVip = t.legs[0]!;
    expect(ids(toVip)).toEqual(['clients', 'l3-switch']);
    expect(toVip.hops.at(-1)!.filter).toEqual({ elementId: 'l3-switch', ruleIndex: 1, action: 'deny' });
    expect(toVip.drop).toMatchObject({ reason: 'filtered', hostId: 'l3-switch' });
    expect(toVip.drop!.message).toContain('L3 switch');
    expect(toVip.drop!.message).toContain('no-web');
    expect(t.drop?.reason).toBe('filtered');
  });

  it('an allowing firewall is shown on the hop; the replies pass by state', () => {
    const t = tracePath(lower(behindFirewall([allowRest])), { elementId: 'clients' }, { elementId: 'vs-nginx' });
    expect(t.delivered).toBe(true);
    const hop = leg(t, 'forward', 0)!.hops.find((h) => h.elementId === 'l3-switch')!;
    expect(hop.filter).toEqual({ elementId: 'l3-switch', ruleIndex: 0, action: 'allow' });
    expect(hop.filter!.action).toBe('allow');
    const replyHops = t.legs.filter((l) => l.kind === 'reply').flatMap((l) => l.hops.filter((h) => h.filter));
    expect(replyHops.length).toBeGreaterThan(0);
    for (const h of replyHops) expect(h.filter).toMatchObject({ action: 'allow', ruleIndex: null, established: true });
  });

  it('default deny when no rule matches', () => {
    const t = tracePath(lower(behindFirewall([])), { elementId: 'clients' }, { elementId: 'vs-nginx' });
    expect(t.legs[0]!.hops.at(-1)!.filter).toEqual({ elementId: 'l3-switch', ruleIndex: null, action: 'deny' });
    expect(t.drop!.message).toContain('default deny');
  });

  // The flows check evaluates the whole NodePort range; the trace evaluated its first port only, so an
  // allow of 30000 alone let the trace through where flows/required-flow-blocked says it is blocked.
  it('the SE → NodePort leg is judged on the whole NodePort range, not its first port', () => {
    const nodePorts = (ports: string) =>
      tracePath(
        lower(
          behindFirewall([
            { id: 'web', action: 'allow', sources: [], destinations: ['dp-data-48'], protocol: 'tcp', ports: '80' },
            { id: 'nodeports', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports },
            { id: 'deny-rest', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: '30000-32767' },
            allowRest,
          ]),
        ),
        { elementId: 'clients' },
        { elementId: 'vs-nginx' },
      );
    const first = nodePorts('30000');
    const toBackend = leg(first, 'forward', 1)!;
    expect(toBackend.delivered).toBe(false);
    expect(toBackend.drop).toMatchObject({ reason: 'filtered', hostId: 'l3-switch' });
    expect(toBackend.drop!.message).toContain('30000-32767');
    expect(toBackend.hops.at(-1)!.filter).toEqual({ elementId: 'l3-switch', ruleIndex: 2, action: 'deny' });
    // The range allowed in two parts: the leg passes, by the first of them.
    const whole = nodePorts('30000-31000,31001-32767');
    expect(leg(whole, 'forward', 1)!.delivered).toBe(true);
    expect(leg(whole, 'forward', 1)!.hops.find((h) => h.elementId === 'l3-switch')!.filter).toEqual({ elementId: 'l3-switch', ruleIndex: 1, action: 'allow' });
  });
});
