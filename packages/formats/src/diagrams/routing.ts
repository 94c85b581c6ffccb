/**
 * Routing diagram of one load balancer (an NSX-ALB SE group or a HAProxy appliance), drawn like
 * seed 000's routing figures: the load balancer in the middle, one NIC line to each network it is
 * on with the NIC's address (or its pool), the networks as bars (name, subnet, VLAN), the
 * routing tables next to it (SE: VRF `global` and `management`; HAProxy: its one table and its
 * interfaces), and on each network what lives there - VIPs, VIP pools and ranges, backends,
 * the Controller or Supervisor, routers and, above them, the client networks they lead to. A
 * network of the routing domain the load balancer is not on is drawn without a NIC (seed 000's
 * unused 192.168.4.0/24), with the route that reaches it.
 *
 * Everything comes from the validator's lower() (networks, ranges, held addresses, hosts with
 * VRFs and routes); the layout is a deterministic function of the document.
 */
import { kindInfo, type Element, type ElementKind, type Link, type SystemId, type TopologyDocument } from '@viplane/model';
import { lower, type L3Host, type L3Model, type L3Network, type L3Range, type L3Route, type L3Vrf } from '@viplane/validator';
import { INK, PALETTE } from './palette.ts';
import { SvgCanvas, clip, label, textWidth } from './svg.ts';

/** A load balancer that gets a routing diagram. */
export interface RoutingHost {
  id: string;
  kind: 'seGroup' | 'haproxy';
  name: string;
}

/** SE groups, then HAProxy appliances, in document order. */
export function routingHosts(document: TopologyDocument): RoutingHost[] {
  const out: RoutingHost[] = [];
  for (const kind of ['seGroup', 'haproxy'] as const)
    for (const el of document.elements) if (el.kind === kind) out.push({ id: el.id, kind, name: el.name });
  return out;
}

export interface Diagram {
  svg: string;
  width: number;
  height: number;
  /** What was drawn, for layout checks. */
  canvas: SvgCanvas;
}

/** The routing diagram of SE group or HAProxy `hostId` as an SVG document. */
export function routingDiagramSvg(document: TopologyDocument, hostId: string, model?: L3Model): string {
  return routingDiagram(document, hostId, model).svg;
}

// ---------------------------------------------------------------------------------------------
// What the figure shows

type ChipKind = 'router' | 'vip' | 'pool' | 'backend' | 'infra';

interface Chip {
  kind: ChipKind;
  system: SystemId;
  title: string;
  detail: string[];
  tooltip: string;
}

const CHIP_ORDER: Record<ChipKind, number> = { router: 0, vip: 1, pool: 2, backend: 3, infra: 4 };

interface Column {
  net: L3Network;
  chips: Chip[];
  nics: Link[];
  /** Spanning routers with a stem on this column, in track order. */
  stems: { router: SpanRouter; address: string }[];
  x: number;
  w: number;
}

interface SpanRouter {
  host: L3Host;
  kind: ElementKind;
  clouds: L3Network[];
  others: string[];
  track: number;
  x: number;
  w: number;
  stemXs: number[];
}

const MARGIN = 28;
const COL_GAP = 28;
const BAR_H = 30;
const CHIP_GAP = 8;
const TRUNK = 14;
const CHIP_X = 28;
const STEM_GAP = 18;
const ROUTER_H = 40;
const CLOUD_H = 34;
const TRACK = 14;

const ROLE_TEXT: Record<string, string> = {
  management: 'management',
  data: 'data',
  workload: 'workload',
  frontend: 'frontend',
  routed: 'routed',
  uplink: 'uplink',
};

export function routingDiagram(document: TopologyDocument, hostId: string, model: L3Model = lower(document)): Diagram {
  const host = model.hostById.get(hostId);
  const element = model.elements.get(hostId);
  if (!host || !element || (element.kind !== 'seGroup' && element.kind !== 'haproxy'))
    throw new Error(`no SE group or HAProxy appliance with id "${hostId}"`);
  const lb: SystemId = element.kind === 'seGroup' ? 'nsx-alb' : 'haproxy';
  const lbColors = PALETTE[lb];
  const name = (id: string | null | undefined) => (id ? label(model.elements.get(id)?.name ?? id) : '');
  const nics = document.links.filter((l) => l.kind === 'nic' && l.from === hostId);
  const isSe = element.kind === 'seGroup';
  const se = element.kind === 'seGroup' ? element : undefined;
  const hp = element.kind === 'haproxy' ? element : undefined;
  const controller = se?.props.controllerId
    ? (model.elements.get(se.props.controllerId) as Extract<Element, { kind: 'aviController' }> | undefined)
    : undefined;

  // -- which networks, and what is on them ---------------------------------------------------
  const chips = new Map<string, Chip[]>();
  const wanted = new Set<string>();
  const chip = (networkId: string | null | undefined, c: Chip, select = true) => {
    if (!networkId) return;
    if (select) wanted.add(networkId);
    let list = chips.get(networkId);
    if (!list) chips.set(networkId, (list = []));
    list.push(c);
  };
  for (const nic of nics) wanted.add(nic.to);

  const served = new Set<string>();
  for (const vs of model.ofKind('virtualService')) {
    if (vs.props.loadBalancerId !== hostId) continue;
    const backend = vs.props.backendClusterId ? `→ ${name(vs.props.backendClusterId)}` : null;
    chip(vs.props.vipNetworkId, {
      kind: 'vip',
      system: lb,
      title: label(vs.name),
      detail: [`VIP ${vs.props.address ?? 'from pool'} : ${vs.props.port}`, ...(backend ? [backend] : [])],
      tooltip: `Virtual service ${vs.name}`,
    });
    if (vs.props.backendClusterId) served.add(vs.props.backendClusterId);
  }
  if (isSe) {
    for (const c of model.ofKind('tkgCluster')) {
      if (c.props.seGroupId !== hostId) continue;
      served.add(c.id);
      if (c.props.workloadVipNetworkId) wanted.add(c.props.workloadVipNetworkId);
      if (c.props.endpoint.provider === 'nsx-alb')
        chip(c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId, {
          kind: 'vip',
          system: lb,
          title: `${label(c.name)} API`,
          detail: [`VIP ${c.props.endpoint.address ?? 'from pool'} : 6443`],
          tooltip: `Kubernetes API VIP of ${c.name}`,
        });
    }
    for (const dns of model.ofKind('aviDnsVs')) {
      if (dns.props.seGroupId !== hostId) continue;
      chip(dns.props.networkId, {
        kind: 'vip',
        system: lb,
        title: label(dns.name),
        detail: [`DNS VIP ${dns.props.address} : 53`, ...dns.props.subdomains.slice(0, 2).map((s) => label(s))],
        tooltip: `DNS virtual service ${dns.name}`,
      });
    }
    for (const ako of model.ofKind('ako')) {
      if (ako.props.seGroupId !== hostId) continue;
      if (ako.props.vipNetworkId) wanted.add(ako.props.vipNetworkId);
      if (ako.props.nodeNetworkId) wanted.add(ako.props.nodeNetworkId);
      if (ako.props.clusterId) served.add(ako.props.clusterId);
    }
  }
  const supervisors = hp
    ? model.ofKind('supervisor').filter((s) => s.props.loadBalancer.provider === 'haproxy' && s.props.loadBalancer.haproxyId === hostId)
    : [];
  if (hp) {
    for (const r of model.ranges)
      if (r.ownerId === hostId && r.purpose === 'haproxy-vip')
        chip(r.networkId, { kind: 'pool', system: lb, title: 'VIP range', detail: [r.text], tooltip: `HAProxy VIP range ${r.text}` });
    const supIds = new Set(supervisors.map((s) => s.id));
    const namespaces = model.ofKind('vsphereNamespace').filter((n) => n.props.supervisorId && supIds.has(n.props.supervisorId));
    for (const wn of model.ofKind('workloadNetwork')) {
      if (!wn.props.supervisorId || !supIds.has(wn.props.supervisorId)) continue;
      const nsIds = new Set(namespaces.filter((n) => n.props.workloadNetworkId === wn.id).map((n) => n.id));
      const tkcs = model.ofKind('tkc').filter((t) => t.props.namespaceId && nsIds.has(t.props.namespaceId));
      for (const t of tkcs) served.add(t.id);
      const ranges = wn.props.ranges.map((r) => `${r.start} – ${r.end}`);
      chip(wn.props.portGroupId, {
        kind: 'backend',
        system: 'tanzu',
        title: label(wn.name, 36),
        detail: [
          ...ranges.slice(0, 2).map((r) => `${wn.props.primary ? 'primary ' : ''}workload range ${r}`),
          ...(wn.props.primary ? ['Supervisor control plane × 3'] : []),
          ...(tkcs.length > 0 ? [`TKC: ${label(tkcs.map((t) => t.name).join(', '), 40)}`] : []),
        ],
        tooltip: `Workload network ${wn.name}`,
      });
    }
  }
  for (const cluster of model.clusters) {
    if (!served.has(cluster.id) || cluster.kind === 'tkc') continue;
    const el = model.elements.get(cluster.id);
    const detail: string[] = [];
    if (el?.kind === 'tkgCluster') {
      detail.push(`${el.props.controlPlaneCount} CP + ${el.props.workerCount} worker${el.props.workerCount === 1 ? '' : 's'}`);
      if (el.props.endpoint.provider === 'kube-vip') detail.push(`API ${el.props.endpoint.address ?? '(no endpoint)'} (kube-vip)`);
    } else if (el?.kind === 'k8sCluster') {
      detail.push(`${el.props.nodes.length} nodes (static)`);
    }
    chip(cluster.nodeNetworkId, {
      kind: 'backend',
      system: cluster.kind === 'tkgCluster' ? 'tkg' : 'kubernetes',
      title: `${label(cluster.name)} nodes`,
      detail,
      tooltip: `Nodes of ${cluster.name} (backends)`,
    });
  }

  // Next hops of the host's static routes are on networks the figure must show.
  const vrfs = host.vrfs;
  const domainOf = (id: string) => model.networkById.get(id)?.routingDomain;
  const domain = nics.map((n) => domainOf(n.to)).find((d) => d !== undefined) ?? 'default';
  const inDomain = model.networks.filter((n) => n.routingDomain === domain);
  for (const vrf of vrfs)
    for (const r of vrf.routes) {
      if (r.origin !== 'static' || !r.nextHop) continue;
      const hop = r.nextHop;
      const net = inDomain.find(
        (n) =>
          n.kind !== 'clientNetwork' &&
          n.subnet &&
          n.subnet.family === hop.family &&
          n.subnet.first <= hop.value &&
          hop.value <= n.subnet.last,
      );
      if (net) wanted.add(net.id);
    }
  // Small designs: every network of the routing domain, so unused ones show (seed 000's 192.168.4.0/24).
  const lanes = inDomain.filter((n) => n.kind !== 'clientNetwork');
  if (lanes.length <= 8) for (const n of lanes) wanted.add(n.id);

  const nicNets = new Set(nics.map((n) => n.to));
  const columns: Column[] = model.networks
    .filter((n) => wanted.has(n.id) && (n.kind !== 'clientNetwork' || nicNets.has(n.id)))
    .map((net) => ({ net, chips: [], nics: nics.filter((l) => l.to === net.id), stems: [], x: 0, w: 0 }));
  const colById = new Map(columns.map((c) => [c.net.id, c]));

  // Ranges and infrastructure on the chosen networks (they do not pull networks in).
  for (const r of model.ranges) {
    if (!r.networkId || !colById.has(r.networkId)) continue;
    if (isSe && (r.purpose === 'vip-pool' || r.purpose === 'se-vip-pool'))
      chip(
        r.networkId,
        {
          kind: 'pool',
          system: lb,
          title: r.purpose === 'vip-pool' ? 'VIP pool' : 'SE + VIP pool',
          detail: [rangeText(r)],
          tooltip: `${r.purpose} ${r.text}`,
        },
        false,
      );
    if (r.purpose === 'dhcp')
      chip(
        r.networkId,
        { kind: 'pool', system: 'vsphere', title: 'DHCP scope', detail: [rangeText(r)], tooltip: `DHCP scope ${r.text}` },
        false,
      );
  }
  for (const link of document.links) {
    if (link.kind !== 'nic' || !colById.has(link.to)) continue;
    const from = model.elements.get(link.from);
    if (from?.kind === 'aviController' && (!controller || from.id === controller.id))
      chip(
        link.to,
        {
          kind: 'infra',
          system: 'nsx-alb',
          title: label(from.name, 36),
          detail: [`Controller ${link.address ?? '(DHCP)'}`],
          tooltip: `NSX-ALB Controller ${from.name}`,
        },
        false,
      );
    if (from?.kind === 'supervisor' && link.role === 'management' && (!hp || supervisors.some((s) => s.id === from.id)))
      chip(
        link.to,
        {
          kind: 'infra',
          system: 'tanzu',
          title: label(from.name, 36),
          detail: [`Supervisor management ${from.props.managementStartAddress ?? link.address ?? ''} (+4)`],
          tooltip: `Supervisor ${from.name} management addresses`,
        },
        false,
      );
  }
  for (const [id, list] of chips) colById.get(id)?.chips.push(...list.sort((a, b) => CHIP_ORDER[a.kind] - CHIP_ORDER[b.kind]));

  // Routers: on two or more columns a box spanning them; on one column a chip there.
  const spans: SpanRouter[] = [];
  for (const r of model.hosts) {
    if (r.id === hostId || (r.kind !== 'router' && r.kind !== 'nsxtTier0' && r.kind !== 'nsxtTier1')) continue;
    const ifaces = r.vrfs.flatMap((v) => v.interfaces);
    const on = ifaces.filter((i) => colById.has(i.networkId));
    if (on.length === 0) continue;
    const off = ifaces.filter((i) => !colById.has(i.networkId));
    const clouds = off.map((i) => model.networkById.get(i.networkId)).filter((n): n is L3Network => n?.kind === 'clientNetwork');
    const others = off
      .map((i) => model.networkById.get(i.networkId))
      .filter((n): n is L3Network => n !== undefined && n.kind !== 'clientNetwork')
      .map((n) => label(n.name, 24));
    for (const route of r.vrfs.flatMap((v) => v.routes))
      if (route.origin === 'internal' && route.viaHostId && route.prefixText.endsWith('/0')) others.push(`uplink ${name(route.viaHostId)}`);
    const kind = model.elements.get(r.id)?.kind ?? 'router';
    const distinct = [...new Set(on.map((i) => i.networkId))];
    if (distinct.length >= 2) {
      const span: SpanRouter = { host: r, kind, clouds, others, track: 0, x: 0, w: 0, stemXs: [] };
      spans.push(span);
      for (const id of distinct)
        colById.get(id)!.stems.push({ router: span, address: on.find((i) => i.networkId === id)?.addressText ?? '' });
    } else {
      const col = colById.get(distinct[0]!)!;
      const beyond = [...clouds.map((c) => cloudName(c)), ...others];
      col.chips.unshift({
        kind: 'router',
        system: 'physical',
        title: label(r.name, 36),
        detail: [
          `${SHORT_KIND[kind] ?? 'router'} ${on[0]!.addressText ?? '(no address)'}`,
          ...(beyond.length > 0 ? [`→ ${label(beyond.join(', '), 40)}`] : []),
        ],
        tooltip: `${kindInfo[kind].label} ${r.name}`,
      });
    }
  }

  // -- measure ---------------------------------------------------------------------------------
  const c = new SvgCanvas();
  const chipSize = (ch: Chip) => ({
    w: Math.max(textWidth(ch.title, 12, true), ...ch.detail.map((d) => textWidth(d, 11.5))) + 24,
    h: 24 + ch.detail.length * 15,
  });
  const barTitle = (n: L3Network) => label(n.name, 32);
  const barInfo = (n: L3Network) => [n.subnetText ?? 'no subnet', ...(n.vlan !== null ? [`VLAN ${n.vlan}`] : [])].join('  ·  ');
  const nicLines = (col: Column): { text: string; bold?: boolean; warn?: boolean }[][] => col.nics.map((nic) => nicLabel(nic, col.net));
  const nicLabel = (nic: Link, net: L3Network): { text: string; bold?: boolean; warn?: boolean }[] => {
    const dual = isSe && nic.role === 'management' && !nics.some((l) => l.role !== 'management');
    const lines: { text: string; bold?: boolean; warn?: boolean }[] = [
      { text: `${dual ? 'management + data' : (ROLE_TEXT[nic.role] ?? nic.role)} NIC`, bold: true },
    ];
    if (nic.addressMode === 'pool' || (nic.address === null && nic.addressMode !== 'dhcp')) {
      const pool = model.ranges.find((r) => r.networkId === net.id && (r.purpose === 'se-pool' || r.purpose === 'se-vip-pool'));
      lines.push({ text: pool ? `pool ${rangeText(pool)}` : 'pool (none on this network)', warn: !pool });
    } else if (nic.addressMode === 'dhcp') lines.push({ text: 'DHCP' });
    else lines.push({ text: nic.address ?? '' });
    if (nic.gateway) lines.push({ text: `gateway ${nic.gateway}` });
    if (isSe && nic.role !== 'management' && net.kind === 'portGroup' && !net.albRegistered)
      lines.push({ text: 'subnet not registered: no NIC in VRF', warn: true });
    return lines;
  };
  const noNicNote = (col: Column): string[] => {
    if (col.nics.length > 0) return [];
    const out = [isSe ? 'no SE NIC' : 'no HAProxy NIC'];
    const via = reachedVia(col.net, isSe ? vrfs.find((v) => v.name === 'global') : vrfs[0]);
    if (via) out.push(via);
    else if (col.net.subnet) out.push('not routed from here');
    return out;
  };

  let stemTracks = 0;
  for (const col of columns) {
    const chipW = Math.max(0, ...col.chips.map((ch) => chipSize(ch).w));
    const stemReserve = col.stems.length > 0 ? 20 + 16 * col.stems.length : 0;
    const stemLabel = Math.max(0, ...col.stems.map((s) => textWidth(s.address, 11)));
    const barW = textWidth(barTitle(col.net), 12.5, true) + textWidth(barInfo(col.net), 11.5) + 40;
    const nicW = Math.max(
      0,
      ...nicLines(col).map((ls) => Math.max(...ls.map((l) => textWidth(l.text, 11.5, l.bold)))),
      ...noNicNote(col).map((t) => textWidth(t, 11.5)),
    );
    col.w = Math.ceil(Math.max(200, barW, chipW + CHIP_X + 10 + stemReserve, stemLabel + 40 + stemReserve, nicW + 44));
    stemTracks = Math.max(stemTracks, col.stems.length);
  }
  const colsW = columns.reduce((s, col) => s + col.w, 0) + COL_GAP * Math.max(0, columns.length - 1);

  const hostLines = hostText(element, controller, model, nics);
  const hostW = Math.ceil(Math.max(250, textWidth(hostLines.name, 14, true) + 32, ...hostLines.lines.map((l) => textWidth(l, 11.5) + 32)));
  const hostH = 44 + hostLines.lines.length * 16 + 8;

  const tables = isSe
    ? [
        routeTable(
          vrfs.find((v) => v.name === 'global'),
          'VRF global (data)',
          model,
          true,
        ),
        routeTable(
          vrfs.find((v) => v.name === 'management'),
          'VRF management',
          model,
          false,
        ),
      ]
    : [routeTable(vrfs[0], 'Routing table', model, true), interfaceTable(nics, model)];
  const tableSizes = tables.map((t) => tableSize(t));
  const sideW = Math.max(...tableSizes.map((s) => s.w));
  const width = Math.ceil(Math.max(colsW + 2 * MARGIN, hostW + 2 * (sideW + 28) + 2 * MARGIN, 720));

  // -- vertical layout -------------------------------------------------------------------------
  const titleH = 58;
  const y = MARGIN + titleH;
  const colsLeft = (width - colsW) / 2;
  let x = colsLeft;
  for (const col of columns) {
    col.x = x;
    x += col.w + COL_GAP;
  }
  // Stems: one per spanning router on each column, from the right edge inwards.
  for (const col of columns) col.stems.forEach((s, i) => s.router.stemXs.push(col.x + col.w - 16 - i * 16));
  // Router tracks: widest first, a new track when boxes would overlap.
  const spanned = [...spans].sort((a, b) => b.stemXs.length - a.stemXs.length || a.host.id.localeCompare(b.host.id));
  const trackEnds: number[] = [];
  for (const r of spanned) {
    const title = label(r.host.name, 40);
    const sub = routerSub(r);
    const need = Math.max(textWidth(title, 12.5, true), textWidth(sub, 11)) + 28;
    const lo = Math.min(...r.stemXs) - 24;
    const hi = Math.max(...r.stemXs) + 24;
    r.w = Math.max(hi - lo, need);
    r.x = (lo + hi) / 2 - r.w / 2;
    let t = trackEnds.findIndex((end) => end + 16 <= r.x);
    if (t < 0) t = trackEnds.push(0) - 1;
    trackEnds[t] = r.x + r.w;
    r.track = t;
  }
  const clouds = spans.flatMap((r) => r.clouds.map((n) => ({ router: r, net: n })));
  const cloudsH = clouds.length > 0 ? CLOUD_H + 26 : 0;
  const routersTop = y + cloudsH;
  const routersH = trackEnds.length * (ROUTER_H + 22);
  const chipsTop = routersTop + routersH;
  const chipStackH = (col: Column) => col.chips.reduce((s, ch) => s + chipSize(ch).h + CHIP_GAP, 0);
  const chipsH = Math.max(0, ...columns.map(chipStackH));
  const barY = chipsTop + chipsH + STEM_GAP + 4;
  const labelTop = barY + BAR_H;
  const labelH =
    Math.max(
      24,
      ...columns.map((col) =>
        Math.max(col.nics.length > 0 ? Math.max(...nicLines(col).map((ls) => ls.length)) * 15 : 0, noNicNote(col).length * 15),
      ),
    ) + 18;
  const elbowTop = labelTop + labelH + 6;

  // NIC lines: bar attach point t near the column's left, host ports p in the same order; the
  // horizontal runs stack so that no two lines cross (see docs in the module header).
  const hostX = width / 2 - hostW / 2;
  const links = columns.flatMap((col) => col.nics.map((nic, i) => ({ col, nic, t: col.x + 20 + i * 10 })));
  links.sort((a, b) => a.t - b.t);
  const ports = links.map((_, i) => hostX + ((i + 1) * hostW) / (links.length + 1));
  const lefts = links
    .map((l, i) => ({ l, p: ports[i]! }))
    .filter((e) => e.l.t < e.p - 0.5)
    .sort((a, b) => b.p - a.p);
  const rights = links
    .map((l, i) => ({ l, p: ports[i]! }))
    .filter((e) => e.l.t > e.p + 0.5)
    .sort((a, b) => a.p - b.p);
  const tracks = Math.max(lefts.length, rights.length);
  const hostY = elbowTop + tracks * TRACK + 20;
  const trackY = (k: number) => elbowTop + k * TRACK + 8;

  // -- draw --------------------------------------------------------------------------------------
  const title = isSe ? `Routing: SE group ${label(element.name)}` : `Routing: HAProxy ${label(element.name)}`;
  c.text(MARGIN, MARGIN + 18, clip(title, width - 2 * MARGIN, 17, true), { size: 17, weight: 'bold' });
  const subtitle = [
    label(document.name, 80),
    isSe
      ? controller
        ? `Controller ${label(controller.name)} · cloud ${label(controller.props.cloudName)}`
        : 'no Controller'
      : `${hp!.props.topology === 'frontend' ? 'Frontend' : 'Default'} topology`,
  ]
    .filter(Boolean)
    .join('  ·  ');
  c.text(MARGIN, MARGIN + 40, clip(subtitle, width - 2 * MARGIN, 12), { fill: INK.muted });

  // Clouds above their router.
  let cloudRight = -Infinity;
  const cloudBoxes = clouds
    .map((cl) => {
      const text = cloudName(cl.net);
      const w = textWidth(text, 12, true) + 36;
      return { ...cl, text, w, cx: cl.router.x + cl.router.w / 2 };
    })
    .sort((a, b) => a.cx - b.cx);
  // Spread clouds of one router across it, then push right to avoid overlaps.
  for (const r of spans) {
    const mine = cloudBoxes.filter((cb) => cb.router === r);
    mine.forEach((cb, i) => (cb.cx = r.x + ((i + 1) * r.w) / (mine.length + 1)));
  }
  for (const cb of cloudBoxes.sort((a, b) => a.cx - b.cx)) {
    let left = cb.cx - cb.w / 2;
    if (left < cloudRight + 16) left = cloudRight + 16;
    cb.cx = left + cb.w / 2;
    cloudRight = left + cb.w;
  }
  for (const cb of cloudBoxes) {
    const top = y;
    const r = cb.router;
    const ry = routersTop + r.track * (ROUTER_H + 22);
    const lx = Math.min(Math.max(cb.cx, r.x + 12), r.x + r.w - 12);
    const mid = top + CLOUD_H + 13;
    c.line(
      lx === cb.cx
        ? [
            [cb.cx, top + CLOUD_H],
            [cb.cx, ry],
          ]
        : [
            [cb.cx, top + CLOUD_H],
            [cb.cx, mid],
            [lx, mid],
            [lx, ry],
          ],
      { stroke: PALETTE.physical.stroke, strokeWidth: 1.5 },
      'cloud link',
    );
    c.open(`Client network ${cb.net.name}${cb.net.subnetText ? ` ${cb.net.subnetText}` : ''}`);
    c.rect(
      cb.cx - cb.w / 2,
      top,
      cb.w,
      CLOUD_H,
      { fill: PALETTE.physical.fill, stroke: PALETTE.physical.stroke, strokeWidth: 1.2, rx: CLOUD_H / 2 },
      `cloud ${cb.net.id}`,
    );
    c.text(cb.cx, top + CLOUD_H / 2 + 4.5, cb.text, { weight: 'bold', anchor: 'middle', fill: PALETTE.physical.stroke });
    c.close();
  }

  // Bars first, so stems and NIC lines end on them.
  for (const col of columns) {
    const used = col.nics.length > 0 || col.chips.length > 0 || col.stems.length > 0;
    const colors = col.net.kind === 'nsxtSegment' ? PALETTE.nsxt : col.net.kind === 'clientNetwork' ? PALETTE.physical : PALETTE.vsphere;
    const dim = col.nics.length === 0;
    c.open(
      `${kindInfo[col.net.kind].label} ${col.net.name}${col.net.subnetText ? ` ${col.net.subnetText}` : ''}${col.net.vlan !== null ? ` VLAN ${col.net.vlan}` : ''}`,
    );
    c.rect(
      col.x,
      barY,
      col.w,
      BAR_H,
      dim
        ? { fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.2, rx: 3, dash: used ? undefined : '5 3' }
        : { fill: colors.stroke, rx: 3 },
      `bar ${col.net.id}`,
    );
    c.text(col.x + 10, barY + 19.5, barTitle(col.net), { size: 12.5, weight: 'bold', fill: dim ? colors.stroke : '#ffffff' });
    c.text(col.x + col.w - 10, barY + 19.5, barInfo(col.net), { size: 11.5, anchor: 'end', fill: dim ? colors.stroke : '#ffffff' });
    c.close();
  }

  // Spanning routers and their stems.
  for (const r of spans) {
    const ry = routersTop + r.track * (ROUTER_H + 22);
    for (const col of columns) {
      const i = col.stems.findIndex((s) => s.router === r);
      if (i < 0) continue;
      const sx = col.x + col.w - 16 - i * 16;
      c.line(
        [
          [sx, ry + ROUTER_H],
          [sx, barY],
        ],
        { stroke: PALETTE.physical.stroke, strokeWidth: 1.5 },
        `stem ${r.host.id}`,
      );
      c.circle(sx, barY, 3, { fill: PALETTE.physical.stroke });
      const addr = col.stems[i]!.address;
      if (addr)
        c.text(sx - 6, barY - 5 - i * 0, addr, { size: 11, anchor: 'end', fill: PALETTE.physical.stroke }, `stem label ${r.host.id}`);
    }
    c.open(`${kindInfo[r.kind].label} ${r.host.name}`);
    c.rect(
      r.x,
      ry,
      r.w,
      ROUTER_H,
      { fill: PALETTE.physical.fill, stroke: PALETTE.physical.stroke, strokeWidth: 1.5, rx: 5 },
      `router ${r.host.id}`,
    );
    c.text(r.x + r.w / 2, ry + 17, label(r.host.name, 40), { size: 12.5, weight: 'bold', anchor: 'middle', fill: PALETTE.physical.stroke });
    c.text(r.x + r.w / 2, ry + 32, routerSub(r), { size: 11, anchor: 'middle', fill: INK.muted });
    c.close();
  }

  // Chips: stacked above each bar on a trunk at the column's left.
  for (const col of columns) {
    if (col.chips.length === 0) continue;
    // Top-down: routers, VIPs, pools, backends, infrastructure; the last one sits on the bar.
    let cy = barY - STEM_GAP - chipStackH(col) + CHIP_GAP;
    const mids: number[] = [];
    for (const ch of col.chips) {
      const size = chipSize(ch);
      drawChip(c, ch, col.x + CHIP_X, cy, size.w, size.h, lb);
      mids.push(cy + size.h / 2);
      cy += size.h + CHIP_GAP;
    }
    const trunkX = col.x + TRUNK;
    const top = Math.min(...mids);
    c.line(
      [
        [trunkX, top],
        [trunkX, barY],
      ],
      { stroke: INK.faint, strokeWidth: 1.2 },
      `trunk ${col.net.id}`,
    );
    for (const m of mids)
      c.line(
        [
          [trunkX, m],
          [col.x + CHIP_X, m],
        ],
        { stroke: INK.faint, strokeWidth: 1.2 },
        `twig ${col.net.id}`,
      );
    c.circle(trunkX, barY, 2.5, { fill: INK.faint });
  }

  // NIC lines and their labels.
  const trackOf = new Map<(typeof links)[number], number>();
  lefts.forEach((e, k) => trackOf.set(e.l, k));
  rights.forEach((e, k) => trackOf.set(e.l, k));
  links.forEach((l, i) => {
    const p = ports[i]!;
    const k = trackOf.get(l);
    const h = k === undefined ? 0 : trackY(k);
    const registered = !(isSe && l.nic.role !== 'management' && l.col.net.kind === 'portGroup' && !l.col.net.albRegistered);
    const style = { stroke: lbColors.stroke, strokeWidth: 2, dash: registered ? undefined : '6 4' };
    c.line(
      k === undefined
        ? [
            [p, hostY],
            [l.t, barY + BAR_H],
          ]
        : [
            [p, hostY],
            [p, h],
            [l.t, h],
            [l.t, barY + BAR_H],
          ],
      style,
      `nic ${l.nic.id}`,
    );
    c.circle(l.t, barY + BAR_H, 3.5, { fill: lbColors.stroke });
  });
  for (const col of columns) {
    const groups = nicLines(col);
    const notes = noNicNote(col);
    const lines = groups.length > 0 ? groups[groups.length - 1]! : notes.map((t, i) => ({ text: t, bold: i === 0, warn: false }));
    // With several NICs on one network, every address is listed under the last line.
    const all = groups.length > 1 ? [groups[0]![0]!, ...groups.flatMap((g) => g.slice(1))] : lines;
    const lx = col.x + 20 + Math.max(0, col.nics.length - 1) * 10 + 9;
    all.forEach((ln, j) => {
      const fill = groups.length === 0 ? INK.muted : ln.warn ? INK.warn : j === 0 ? lbColors.stroke : INK.text;
      c.text(
        lx,
        labelTop + 16 + j * 15,
        ln.text,
        { size: 11.5, weight: ln.bold ? 'bold' : 'normal', fill, italic: groups.length === 0 && j > 0 },
        `nic label ${col.net.id}`,
      );
    });
  }

  // The load balancer.
  c.open(`${kindInfo[element.kind].label} ${element.name}`);
  c.rect(hostX + 3, hostY + 3, hostW, hostH, { fill: '#000000', opacity: 0.1, rx: 8 });
  c.rect(hostX, hostY, hostW, hostH, { fill: '#ffffff', stroke: lbColors.stroke, strokeWidth: 2, rx: 8 }, `host ${hostId}`);
  c.rect(hostX, hostY, hostW, 22, { fill: lbColors.stroke, rx: 8 });
  c.rect(hostX, hostY + 12, hostW, 10, { fill: lbColors.stroke });
  c.text(hostX + hostW / 2, hostY + 15.5, hostLines.kind, { size: 11, weight: 'bold', anchor: 'middle', fill: '#ffffff', spacing: 0.4 });
  c.text(hostX + hostW / 2, hostY + 42, hostLines.name, { size: 14, weight: 'bold', anchor: 'middle' });
  hostLines.lines.forEach((l, i) => c.text(hostX + hostW / 2, hostY + 60 + i * 16, l, { size: 11.5, anchor: 'middle', fill: INK.muted }));
  c.close();

  // Tables beside it.
  const [left, right] = tables;
  const [ls, rs] = tableSizes;
  if (left && ls) drawTable(c, left, hostX - 28 - ls.w, hostY, ls, lbColors.stroke);
  if (right && rs) drawTable(c, right, hostX + hostW + 28, hostY, rs, lbColors.stroke);

  // Legend.
  const bottom = Math.max(hostY + hostH, ...tableSizes.map((s) => hostY + s.h)) + 28;
  drawLegend(c, MARGIN, bottom, lb);
  const height = bottom + 34;
  const svg = c.render(
    width,
    height,
    `${title} (${document.name})`,
    `Routing diagram of ${kindInfo[element.kind].label} ${element.name}: NICs, networks, routes and VIPs.`,
  );
  return { svg, width, height, canvas: c };
}

// ---------------------------------------------------------------------------------------------
// Parts

function rangeText(r: L3Range): string {
  if (r.purpose === 'haproxy-vip') return r.text;
  const i = r.text.indexOf('-');
  return i < 0 ? r.text : `${r.text.slice(0, i)} – ${r.text.slice(i + 1)}`;
}

function cloudName(n: L3Network): string {
  return n.subnetText && n.subnetText !== n.name ? `${label(n.name, 32)} (${n.subnetText})` : label(n.name, 40);
}

function routerSub(r: SpanRouter): string {
  const kind = kindInfo[r.kind].label;
  const what = r.kind === 'router' ? `routes between ${r.stemXs.length + r.clouds.length} networks` : kind;
  return r.others.length > 0 ? `${what} · also ${label(r.others.join(', '), 40)}` : what;
}

const SHORT_KIND: Partial<Record<ElementKind, string>> = { router: 'router', nsxtTier0: 'Tier-0', nsxtTier1: 'Tier-1' };

/** The route of `vrf` that carries traffic to `net` when the host has no NIC there. */
function reachedVia(net: L3Network, vrf: L3Vrf | undefined): string | null {
  const subnet = net.subnet;
  if (!vrf || !subnet) return null;
  let best: L3Route | undefined;
  for (const r of vrf.routes) {
    if (r.discard || r.prefix.family !== subnet.family || r.origin === 'connected') continue;
    if (r.prefix.first <= subnet.first && subnet.last <= r.prefix.last && (!best || r.prefix.prefix > best.prefix.prefix)) best = r;
  }
  if (!best) return null;
  const kind = best.prefix.prefix === 0 ? 'default route' : best.origin === 'cluster' ? 'AKO route' : 'static route';
  return best.nextHopText ? `via ${best.nextHopText} (${kind})` : `via ${kind}`;
}

function hostText(el: Element, controller: Extract<Element, { kind: 'aviController' }> | undefined, model: L3Model, nics: Link[]) {
  if (el.kind === 'seGroup') {
    const ctrlAddr = controller ? model.addresses.find((a) => a.ownerId === controller.id && a.role === 'controller')?.text : undefined;
    return {
      kind: 'NSX-ALB SERVICE ENGINE GROUP',
      name: label(el.name, 36),
      lines: [
        `${el.props.seCount} Service Engine${el.props.seCount === 1 ? '' : 's'} · ${el.props.haMode
          .replace(/^HA_MODE_/, '')
          .replace(/_/g, ' ')
          .toLowerCase()}`,
        controller ? `Controller ${ctrlAddr ?? label(controller.name, 28)}` : 'no Controller',
        `${nics.length} NIC${nics.length === 1 ? '' : 's'} per SE`,
      ],
    };
  }
  if (el.kind === 'haproxy') {
    const mgmt = nics.find((n) => n.role === 'management');
    return {
      kind: 'HAPROXY LOAD BALANCER',
      name: label(el.name, 36),
      lines: [
        el.props.topology === 'frontend' ? 'Frontend topology (3 NICs)' : 'Default topology (2 NICs)',
        `Data-plane API ${mgmt?.address ?? '(no management IP)'}:${el.props.dataPlanePort}`,
        `VIPs ${label(el.props.vipRanges.join(', ') || 'none', 40)}`,
      ],
    };
  }
  return { kind: '', name: label(el.name), lines: [] };
}

interface Table {
  title: string;
  head: string[];
  rows: { cells: string[]; warn?: boolean }[];
}

function routeTable(vrf: L3Vrf | undefined, title: string, model: L3Model, needsDefault: boolean): Table {
  const net = (id: string | undefined) => (id ? label(model.networkById.get(id)?.name ?? id, 28) : '');
  const rows: { cells: string[]; warn?: boolean; order: number }[] = [];
  for (const r of vrf?.routes ?? []) {
    const isDefault = r.prefix.prefix === 0;
    if (r.origin === 'connected') rows.push({ cells: [r.prefixText, net(r.networkId), 'connected'], order: 0 });
    else if (r.origin === 'cluster') rows.push({ cells: [r.prefixText, `nodes on ${net(r.networkId)}`, 'pods (AKO)'], order: 2 });
    else if (r.origin === 'internal')
      rows.push({
        cells: [r.prefixText, `via ${label(model.elements.get(r.viaHostId ?? '')?.name ?? '', 24)}`, 'internal'],
        order: isDefault ? 3 : 1,
      });
    else
      rows.push({
        cells: [
          r.prefixText,
          r.discard ? 'discard' : (r.nextHopText ?? ''),
          isDefault ? (r.origin === 'gateway' ? 'default (mgmt gw)' : 'default') : 'static',
        ],
        order: isDefault ? 3 : 1,
      });
  }
  rows.sort((a, b) => a.order - b.order);
  const hasInterfaces = (vrf?.interfaces.length ?? 0) > 0;
  const out: Table['rows'] = rows.map(({ cells }) => ({ cells }));
  if (needsDefault && hasInterfaces && !(vrf?.routes ?? []).some((r) => r.prefix.prefix === 0 && !r.discard))
    out.push({ cells: ['0.0.0.0/0', 'missing', 'no default gateway'], warn: true });
  if (out.length === 0) out.push({ cells: ['(no routes)', '', ''] });
  return { title, head: ['Prefix', 'Next hop / network', 'Type'], rows: out };
}

function interfaceTable(nics: Link[], model: L3Model): Table {
  const rows = nics.map((n) => ({
    cells: [
      ROLE_TEXT[n.role] ?? n.role,
      label(model.networkById.get(n.to)?.name ?? n.to, 28),
      n.addressMode === 'dhcp' ? 'DHCP' : (n.address ?? 'pool'),
      n.gateway ?? '',
    ],
  }));
  return {
    title: 'Interfaces',
    head: ['NIC', 'Network', 'Address', 'Gateway'],
    rows: rows.length > 0 ? rows : [{ cells: ['(none)', '', '', ''] }],
  };
}

const ROW_H = 20;
const PAD = 10;

function tableSize(t: Table): { w: number; h: number; cols: number[] } {
  const cols = t.head.map((h, i) =>
    Math.ceil(Math.max(textWidth(h, 11, true), ...t.rows.map((r) => textWidth(r.cells[i] ?? '', 11.5))) + 2 * PAD),
  );
  const w = Math.max(
    cols.reduce((s, v) => s + v, 0),
    textWidth(t.title, 12, true) + 2 * PAD,
  );
  // The last column takes any extra width from a long title.
  const extra = w - cols.reduce((s, v) => s + v, 0);
  cols[cols.length - 1]! += extra;
  return { w, h: 24 + ROW_H + t.rows.length * ROW_H + 2, cols };
}

function drawTable(c: SvgCanvas, t: Table, x: number, y: number, size: { w: number; h: number; cols: number[] }, color: string): void {
  c.open(t.title);
  c.rect(x, y, size.w, size.h, { fill: '#ffffff', stroke: color, strokeWidth: 1.2, rx: 5 }, `table ${t.title}`);
  c.rect(x, y, size.w, 24, { fill: color, rx: 5 });
  c.rect(x, y + 14, size.w, 10, { fill: color });
  c.text(x + PAD, y + 16.5, t.title, { weight: 'bold', fill: '#ffffff' });
  let cx = x;
  t.head.forEach((h, i) => {
    c.text(cx + PAD, y + 24 + 14, h, { size: 11, weight: 'bold', fill: INK.muted });
    cx += size.cols[i]!;
  });
  c.line(
    [
      [x, y + 24 + ROW_H],
      [x + size.w, y + 24 + ROW_H],
    ],
    { stroke: INK.grid, strokeWidth: 1 },
  );
  t.rows.forEach((r, j) => {
    const ry = y + 24 + ROW_H + j * ROW_H;
    if (j % 2 === 1) c.rect(x + 1, ry, size.w - 2, ROW_H, { fill: INK.zebra });
    let rx = x;
    r.cells.forEach((cell, i) => {
      c.text(rx + PAD, ry + 14, cell, {
        size: 11.5,
        fill: r.warn ? INK.warn : i === 0 ? INK.text : INK.muted,
        weight: r.warn && i === 0 ? 'bold' : 'normal',
      });
      rx += size.cols[i]!;
    });
  });
  c.close();
}

function drawChip(c: SvgCanvas, ch: Chip, x: number, y: number, w: number, h: number, lb: SystemId): void {
  const colors = PALETTE[ch.system];
  const style =
    ch.kind === 'vip'
      ? { fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.5, rx: 4 }
      : ch.kind === 'pool'
        ? { fill: '#ffffff', stroke: colors.stroke, strokeWidth: 1.3, rx: 4, dash: '5 3' }
        : { fill: '#ffffff', stroke: colors.stroke, strokeWidth: 1.2, rx: 4 };
  c.open(ch.tooltip);
  c.rect(x, y, w, h, style, `chip ${ch.title}`);
  if (ch.kind !== 'pool') c.rect(x, y, 4, h, { fill: colors.stroke, rx: 2 });
  c.text(x + 12, y + 16, ch.title, { weight: 'bold', fill: ch.kind === 'vip' && ch.system === lb ? colors.stroke : INK.text });
  ch.detail.forEach((d, i) => c.text(x + 12, y + 31 + i * 15, d, { size: 11.5, fill: INK.muted }));
  c.close();
}

function drawLegend(c: SvgCanvas, x: number, y: number, lb: SystemId): void {
  const colors = PALETTE[lb];
  let cx = x;
  const item = (draw: () => void, text: string, w: number) => {
    draw();
    c.text(cx + w + 8, y + 4, text, { size: 11, fill: INK.muted });
    cx += w + 8 + textWidth(text, 11) + 22;
  };
  item(
    () =>
      c.line(
        [
          [cx, y],
          [cx + 22, y],
        ],
        { stroke: colors.stroke, strokeWidth: 2 },
      ),
    'NIC',
    22,
  );
  item(() => c.rect(cx, y - 7, 22, 14, { fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.5, rx: 3 }), 'VIP', 22);
  item(
    () => c.rect(cx, y - 7, 22, 14, { fill: '#ffffff', stroke: colors.stroke, strokeWidth: 1.3, rx: 3, dash: '5 3' }),
    'address pool / range',
    22,
  );
  item(() => c.rect(cx, y - 7, 22, 14, { fill: '#ffffff', stroke: INK.muted, strokeWidth: 1.2, rx: 3 }), 'backend / infrastructure', 22);
  item(
    () => c.rect(cx, y - 7, 22, 14, { fill: PALETTE.vsphere.fill, stroke: PALETTE.vsphere.stroke, strokeWidth: 1.2, rx: 3 }),
    'network without a NIC',
    22,
  );
}
