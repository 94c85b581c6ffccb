/**
 * The whole design on one page: networks as horizontal bars across the middle, the elements in
 * boxes grouped by system above them (physical network, vSphere, NSX-ALB, HAProxy, NSX-T, ACI)
 * and below them (TKG, vSphere with Tanzu, Kubernetes), each attached to the networks it is on by
 * a vertical line (a NIC, the node network, a VIP network). Lines hop over the bars they pass.
 *
 * The layout is a deterministic column layout: systems in a fixed order, elements in document
 * order, one column per element so that lines never cross a box.
 */
import {
  kindInfo,
  networkKinds,
  readPath,
  referenceFields,
  systems,
  type Element,
  type SystemId,
  type TopologyDocument,
} from '@viplane/model';
import { lower, type L3Model, type L3Network } from '@viplane/validator';
import { INK, PALETTE } from './palette.ts';
import { SvgCanvas, clip, label, textWidth } from './svg.ts';
import type { Diagram } from './routing.ts';

const TOP: readonly SystemId[] = ['physical', 'vsphere', 'nsx-alb', 'haproxy', 'nsxt', 'aci'];
const BOTTOM: readonly SystemId[] = ['tkg', 'tanzu', 'kubernetes'];

const MARGIN = 28;
const GROUP_GAP = 20;
const GROUP_PAD = 12;
const GROUP_HEAD = 26;
const BOX_GAP = 14;
const BAR_H = 26;
const BAR_GAP = 30;
const TIER_GAP = 44;

type LineKind = 'nic' | 'node' | 'vip' | 'management';

interface Box {
  el: Element;
  system: SystemId;
  lines: string[];
  w: number;
  h: number;
  x: number;
  y: number;
  links: { networkId: string; kind: LineKind; x: number }[];
}

interface Group {
  system: SystemId;
  boxes: Box[];
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The design overview as an SVG document. */
export function designDiagramSvg(document: TopologyDocument, model?: L3Model): string {
  return designDiagram(document, model).svg;
}

export function designDiagram(document: TopologyDocument, model: L3Model = lower(document)): Diagram {
  const c = new SvgCanvas();
  const netKinds = new Set<string>(networkKinds);
  const nets = model.networks;
  const netIds = new Set(nets.map((n) => n.id));

  // -- boxes and what they attach to -------------------------------------------------------------
  const boxes: Box[] = [];
  for (const el of document.elements) {
    if (netKinds.has(el.kind)) continue;
    const lines = details(el, model);
    const kindText = kindInfo[el.kind].label.toUpperCase();
    const name = label(el.name, 34);
    const w = Math.ceil(
      Math.max(
        130,
        textWidth(kindText, 10, true) + 0.6 * kindText.length,
        textWidth(name, 12.5, true),
        ...lines.map((l) => textWidth(l, 11)),
      ) + 22,
    );
    boxes.push({ el, system: systemOf(el, model), lines, w, h: 46 + lines.length * 15, x: 0, y: 0, links: [] });
  }
  const byId = new Map(boxes.map((b) => [b.el.id, b]));
  for (const link of document.links) {
    if (link.kind !== 'nic') continue;
    const box = byId.get(link.from);
    if (box && netIds.has(link.to) && !box.links.some((l) => l.networkId === link.to))
      box.links.push({ networkId: link.to, kind: link.role === 'management' ? 'management' : 'nic', x: 0 });
  }
  // An NSX-T segment names its Tier-1: the Tier-1 is the segment's gateway.
  for (const seg of model.ofKind('nsxtSegment')) {
    const t1 = seg.props.tier1Id ? byId.get(seg.props.tier1Id) : undefined;
    if (t1 && !t1.links.some((l) => l.networkId === seg.id)) t1.links.push({ networkId: seg.id, kind: 'nic', x: 0 });
  }
  for (const box of boxes)
    for (const field of referenceFields[box.el.kind] ?? []) {
      if (!field.targets.some((t) => netKinds.has(t))) continue;
      const target = readPath(box.el.props, field.path);
      if (typeof target !== 'string' || !netIds.has(target) || box.links.some((l) => l.networkId === target)) continue;
      box.links.push({
        networkId: target,
        kind: field.role === 'data' || field.role === 'frontend' ? 'vip' : field.role === 'management' ? 'management' : 'node',
        x: 0,
      });
    }

  // -- groups and tiers ---------------------------------------------------------------------------
  const tier = (order: readonly SystemId[]): Group[] =>
    order
      .map((system) => ({ system, boxes: boxes.filter((b) => b.system === system), x: 0, y: 0, w: 0, h: 0 }))
      .filter((g) => g.boxes.length > 0)
      .map((g) => {
        const head = textWidth(systems[g.system], 12, true) + 2 * GROUP_PAD;
        const inner = g.boxes.reduce((s, b) => s + b.w, 0) + BOX_GAP * (g.boxes.length - 1);
        if (inner + 2 * GROUP_PAD < head) g.boxes[g.boxes.length - 1]!.w += head - inner - 2 * GROUP_PAD;
        g.w = Math.max(inner + 2 * GROUP_PAD, head);
        g.h = GROUP_HEAD + Math.max(...g.boxes.map((b) => b.h)) + GROUP_PAD;
        return g;
      });
  const top = tier(TOP);
  const bottom = tier(BOTTOM);
  const tierW = (gs: Group[]) => gs.reduce((s, g) => s + g.w, 0) + GROUP_GAP * Math.max(0, gs.length - 1);

  // Bars: client networks first, then those used mostly from above, then mostly from below.
  const use = new Map(nets.map((n) => [n.id, { top: 0, bottom: 0 }]));
  for (const g of top) for (const b of g.boxes) for (const l of b.links) use.get(l.networkId)!.top++;
  for (const g of bottom) for (const b of g.boxes) for (const l of b.links) use.get(l.networkId)!.bottom++;
  const order = nets
    .map((n, i) => ({ n, i, u: use.get(n.id)! }))
    .sort((a, b) => {
      const ka = a.n.kind === 'clientNetwork' ? 0 : 1;
      const kb = b.n.kind === 'clientNetwork' ? 0 : 1;
      const sa = (a.u.bottom - a.u.top) / Math.max(1, a.u.bottom + a.u.top);
      const sb = (b.u.bottom - b.u.top) / Math.max(1, b.u.bottom + b.u.top);
      return ka - kb || sa - sb || a.i - b.i;
    })
    .map((e) => e.n);
  // Network names and facts sit in a column left of the bars, where no line passes.
  const barLabel = (n: L3Network) => ({ title: label(n.name, 36), info: barInfo(n) });
  const labelW = Math.ceil(
    Math.max(120, ...order.flatMap((n) => [textWidth(barLabel(n).title, 12, true), ...barLabel(n).info.map((i) => textWidth(i, 10.5))])) +
      18,
  );
  const left = MARGIN + labelW;

  const title = label(document.name, 80) || 'Untitled design';
  const subtitle = [
    document.origin ? `template ${label(document.origin, 40)}` : '',
    document.environment,
    plural(boxes.length, 'element'),
    plural(nets.length, 'network'),
  ]
    .filter(Boolean)
    .join('  ·  ');
  const width = Math.ceil(left + Math.max(tierW(top), tierW(bottom), 640) + MARGIN);

  // -- positions ----------------------------------------------------------------------------------
  let y = MARGIN + 56;
  const place = (gs: Group[], yTop: number, alignBottom: boolean) => {
    let x = left + (width - MARGIN - left - tierW(gs)) / 2;
    const tierH = Math.max(0, ...gs.map((g) => g.h));
    for (const g of gs) {
      g.x = x;
      g.y = alignBottom ? yTop + tierH - g.h : yTop;
      let bx = x + GROUP_PAD;
      const rowH = g.h - GROUP_HEAD - GROUP_PAD;
      for (const b of g.boxes) {
        b.x = bx;
        // Above the bars the header is on top; below them at the bottom, away from the lines.
        b.y = alignBottom ? g.y + GROUP_HEAD + rowH - b.h : g.y + GROUP_PAD;
        bx += b.w + BOX_GAP;
      }
      x += g.w + GROUP_GAP;
    }
    return tierH;
  };
  const topH = place(top, y, true);
  y += topH + (top.length > 0 ? TIER_GAP : 0);
  const barY = new Map<string, number>();
  const rank = new Map(order.map((n, i) => [n.id, i]));
  for (const n of order) {
    barY.set(n.id, y);
    y += BAR_H + BAR_GAP;
  }
  if (order.length > 0) y += TIER_GAP - BAR_GAP;
  const bottomY = y;
  const bottomH = place(bottom, bottomY, false);
  y += bottomH;

  // Connector x positions, spread along each box edge; nudge where an upper and a lower line would overlap.
  const spans: { box: Box; link: Box['links'][number]; up: boolean; y1: number; y2: number }[] = [];
  for (const [gs, up] of [
    [top, false],
    [bottom, true],
  ] as const)
    for (const g of gs)
      for (const b of g.boxes) {
        b.links.sort((l1, l2) => rank.get(l1.networkId)! - rank.get(l2.networkId)!);
        b.links.forEach((l, i) => {
          l.x = b.x + ((i + 1) * b.w) / (b.links.length + 1);
          const by = barY.get(l.networkId)!;
          spans.push(up ? { box: b, link: l, up, y1: by + BAR_H, y2: b.y } : { box: b, link: l, up, y1: b.y + b.h, y2: by });
        });
      }
  const downs = spans.filter((s) => !s.up).sort((a, b) => a.link.x - b.link.x);
  for (let pass = 0; pass < 4; pass++)
    for (const s of spans) {
      if (!s.up) continue;
      for (const o of near(downs, s.link.x)) {
        if (s.y1 >= o.y2 || o.y1 >= s.y2) continue;
        const right = s.link.x + 10;
        s.link.x = right < s.box.x + s.box.w - 4 ? right : s.link.x - 10;
      }
    }

  // -- draw ---------------------------------------------------------------------------------------
  c.text(MARGIN, MARGIN + 18, clip(title, width - 2 * MARGIN, 17, true), { size: 17, weight: 'bold' });
  c.text(MARGIN, MARGIN + 40, clip(subtitle, width - 2 * MARGIN, 12), { fill: INK.muted });

  for (const g of [...top, ...bottom]) {
    const colors = PALETTE[g.system];
    c.open(systems[g.system]);
    c.rect(g.x, g.y, g.w, g.h, { fill: colors.fill, stroke: colors.stroke, strokeWidth: 1, rx: 8, opacity: 1 });
    const below = bottom.includes(g);
    c.text(
      g.x + GROUP_PAD,
      below ? g.y + g.h - 9 : g.y + 17,
      clip(systems[g.system], g.w - 2 * GROUP_PAD, 12, true),
      { weight: 'bold', fill: colors.stroke },
      `group label ${g.system}`,
    );
    for (const b of g.boxes) drawBox(c, b);
    c.close();
  }

  for (const n of order) {
    const by = barY.get(n.id)!;
    const colors = n.kind === 'nsxtSegment' ? PALETTE.nsxt : n.kind === 'clientNetwork' ? PALETTE.physical : PALETTE.vsphere;
    const { title: t, info } = barLabel(n);
    c.open(`${kindInfo[n.kind].label} ${n.name}${n.subnetText ? ` ${n.subnetText}` : ''}`);
    c.rect(left, by, width - MARGIN - left, BAR_H, { fill: colors.stroke, rx: 3 }, `bar ${n.id}`);
    const ty = by + BAR_H / 2 + 4 - (info.length * 13) / 2;
    c.text(MARGIN, ty, t, { weight: 'bold', fill: colors.stroke }, `bar label ${n.id}`);
    info.forEach((line, i) => c.text(MARGIN, ty + 14 + i * 13, line, { size: 10.5, fill: INK.muted }, `bar label ${n.id}`));
    c.close();
  }

  for (const s of spans) {
    const stroke = s.link.kind === 'node' ? INK.muted : PALETTE[s.box.system].stroke;
    const dash = s.link.kind === 'vip' ? '6 4' : undefined;
    const x = s.link.x;
    const barTop = barY.get(s.link.networkId)!;
    // White casing where the line passes other bars, so it visibly hops over them.
    const first = barY.get(order[0]!.id)!;
    const last = barY.get(order[order.length - 1]!.id)! + BAR_H;
    const from = s.up ? barTop + BAR_H : Math.max(s.y1, first - 6);
    const to = s.up ? Math.min(s.y2, last + 6) : barTop;
    if (to - from > 1)
      c.line(
        [
          [x, from],
          [x, to],
        ],
        { stroke: '#ffffff', strokeWidth: 5 },
      );
    c.line(
      [
        [x, s.y1],
        [x, s.y2],
      ],
      { stroke, strokeWidth: s.link.kind === 'node' ? 1.4 : 1.8, dash },
      `link ${s.box.el.id}`,
    );
    c.circle(x, s.up ? barTop + BAR_H : barTop, 3.2, { fill: stroke });
  }

  y += 30;
  drawLegend(c, MARGIN, y);
  const height = y + 30;
  const svg = c.render(
    width,
    height,
    `Design: ${document.name}`,
    `Overview of design ${document.name}: ${boxes.length} elements grouped by system, ${nets.length} networks.`,
  );
  return { svg, width, height, canvas: c };
}

function drawBox(c: SvgCanvas, b: Box): void {
  const colors = PALETTE[b.system];
  c.open(`${kindInfo[b.el.kind].label} ${b.el.name}`);
  c.rect(b.x, b.y, b.w, b.h, { fill: '#ffffff', stroke: colors.stroke, strokeWidth: 1.3, rx: 5 }, `box ${b.el.id}`);
  c.rect(b.x, b.y, 4, b.h, { fill: colors.stroke, rx: 2 });
  c.text(b.x + 12, b.y + 16, kindInfo[b.el.kind].label.toUpperCase(), { size: 10, weight: 'bold', fill: colors.stroke, spacing: 0.6 });
  c.text(b.x + 12, b.y + 33, label(b.el.name, 34), { size: 12.5, weight: 'bold' });
  b.lines.forEach((l, i) => c.text(b.x + 12, b.y + 50 + i * 15, l, { size: 11, fill: INK.muted }));
  c.close();
}

function drawLegend(c: SvgCanvas, x: number, y: number): void {
  let cx = x;
  const item = (stroke: string, dash: string | undefined, text: string) => {
    c.line(
      [
        [cx, y],
        [cx + 24, y],
      ],
      { stroke, strokeWidth: 1.8, dash },
    );
    c.text(cx + 32, y + 4, text, { size: 11, fill: INK.muted });
    cx += 32 + textWidth(text, 11) + 24;
  };
  item(PALETTE['nsx-alb'].stroke, undefined, 'NIC (colour of its system)');
  item(INK.muted, undefined, 'node network');
  item(PALETTE.tkg.stroke, '6 4', 'VIP network');
}

/** Two short lines: addressing, then kind and flags. */
function barInfo(n: L3Network): string[] {
  const first = [n.subnetText ?? (n.kind === 'clientNetwork' ? 'anywhere' : 'no subnet')];
  if (n.vlan !== null) first.push(`VLAN ${n.vlan}`);
  if (n.gatewayText) first.push(`gw ${n.gatewayText}`);
  const second = [kindInfo[n.kind].label];
  if (n.kind === 'portGroup' && n.albRegistered) second.push('NSX-ALB registered');
  if (n.dhcp) second.push('DHCP');
  return [first.join(' · '), second.join(' · ')];
}

/** Entries of `sorted` (by x) within 8 px of `x`. */
function near<T extends { link: { x: number } }>(sorted: T[], x: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.link.x <= x - 8) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.link.x < x + 8; i++) out.push(sorted[i]!);
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function systemOf(el: Element, model: L3Model): SystemId {
  if (el.kind === 'virtualService') {
    const lb = el.props.loadBalancerId ? model.elements.get(el.props.loadBalancerId) : undefined;
    if (lb) return kindInfo[lb.kind].system;
    const backend = el.props.backendClusterId ? model.elements.get(el.props.backendClusterId) : undefined;
    if (backend) return kindInfo[backend.kind].system;
  }
  return kindInfo[el.kind].system;
}

/** Up to three short lines about an element. */
function details(el: Element, model: L3Model): string[] {
  const name = (id: string | null | undefined) => (id ? label(model.elements.get(id)?.name ?? id, 28) : '—');
  const nics = model.document.links.filter((l) => l.kind === 'nic' && l.from === el.id);
  const addr = (role?: string) => nics.find((l) => !role || l.role === role)?.address ?? null;
  const out: string[] = (() => {
    switch (el.kind) {
      case 'router':
        return [
          plural(nics.length, 'interface'),
          ...(el.props.staticRoutes.length > 0 ? [plural(el.props.staticRoutes.length, 'static route')] : []),
        ];
      case 'vcenter':
        return [label(el.props.server, 32)];
      case 'aviController':
        return [
          addr('management') ?? addr() ?? 'no address',
          `cloud ${label(el.props.cloudName, 24)}`,
          ...(el.props.version ? [`version ${label(el.props.version, 16)}`] : []),
        ];
      case 'seGroup':
        return [
          `${plural(el.props.seCount, 'SE')} · ${el.props.haMode
            .replace(/^HA_MODE_/, '')
            .replace(/_/g, ' ')
            .toLowerCase()}`,
          plural(nics.length, 'NIC'),
        ];
      case 'virtualService':
        return [
          `VIP ${el.props.address ?? 'from pool'} : ${el.props.port}`,
          ...(el.props.backendClusterId ? [`→ ${name(el.props.backendClusterId)}`] : []),
        ];
      case 'aviDnsVs':
        return [`DNS VIP ${el.props.address}`, ...el.props.subdomains.slice(0, 1).map((s) => label(s, 32))];
      case 'haproxy':
        return [
          el.props.topology === 'frontend' ? 'Frontend (3 NICs)' : 'Default (2 NICs)',
          `mgmt ${addr('management') ?? '—'}`,
          `VIPs ${label(el.props.vipRanges.join(', ') || 'none', 32)}`,
        ];
      case 'tkgCluster':
        return [
          `${el.props.role} · ${el.props.controlPlaneCount} CP + ${plural(el.props.workerCount, 'worker')}`,
          `API ${el.props.endpoint.address ?? 'from pool'} (${el.props.endpoint.provider})`,
        ];
      case 'k8sCluster':
        return [`${el.props.nodes.length} nodes · ${el.props.cni}`, `pods ${el.props.podCidr}`];
      case 'ako':
        return [`${el.props.mode} · ${label(el.props.clusterName, 20)}`, `in ${name(el.props.clusterId)}`];
      case 'supervisor':
        return [`LB ${el.props.loadBalancer.provider}`, `mgmt ${el.props.managementStartAddress ?? '—'}`];
      case 'workloadNetwork':
        return [...(el.props.primary ? ['primary'] : []), ...el.props.ranges.slice(0, 2).map((r) => `${r.start} – ${r.end}`)];
      case 'vsphereNamespace':
        return [`network ${name(el.props.workloadNetworkId)}`];
      case 'tkc':
        return [
          `${el.props.controlPlaneCount} CP + ${plural(el.props.workerCount, 'worker')} · ${el.props.cni}`,
          `in ${name(el.props.namespaceId)}`,
        ];
      case 'nsxtTier0':
        return [label(el.props.managerHost || 'no NSX Manager', 32), plural(el.props.staticRoutes.length, 'static route')];
      case 'nsxtTier1':
        return [`uplink ${name(el.props.tier0Id)}`, plural(el.props.staticRoutes.length, 'static route')];
      case 'aciFabric':
        return [
          `tenant ${label(el.props.tenant, 24)}`,
          `VRF ${label(el.props.vrf.name, 24)}`,
          `L3Out ${el.props.l3out ? label(el.props.l3out.name, 24) : '—'}`,
        ];
      case 'aciSwitch':
        return [`${el.props.role} ${el.props.nodeId}`];
      default:
        return [];
    }
  })();
  return out.slice(0, 3);
}
