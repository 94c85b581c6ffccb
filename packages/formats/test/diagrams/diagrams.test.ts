/** Routing and design diagrams for every template: well-formed XML, a clean layout, PNG output, determinism. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { templates, getTemplate } from '@viplane/templates';
import { designDiagram, routingDiagram, routingDiagramSvg, routingHosts, designDiagramSvg } from '../../src/diagrams/index.ts';
import { svgToPng } from '../../src/png.ts';
import { crossings, overlaps, pngSize, PNG_SIGNATURE } from './layout.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

function diagramsOf(id: string) {
  const doc = getTemplate(id)!.build();
  return [
    { name: 'design', ...designDiagram(doc) },
    ...routingHosts(doc).map((h) => ({ name: `routing ${h.id}`, ...routingDiagram(doc, h.id) })),
  ];
}

describe.each(templates.map((t) => t.id))('diagrams of %s', (id) => {
  const diagrams = diagramsOf(id);

  it('are well-formed SVG with a size, a title and no script', () => {
    for (const d of diagrams) {
      expect(XMLValidator.validate(d.svg), d.name).toBe(true);
      const root = (parser.parse(d.svg) as { svg: Record<string, unknown> }).svg;
      expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(Number(root.width)).toBe(Math.ceil(d.width));
      expect(Number(root.height)).toBe(Math.ceil(d.height));
      expect(root.title).toBeTruthy();
      expect(d.svg).not.toMatch(/<script|\son[a-z]+=|href=|id="/i);
    }
  });

  it('have no overlapping boxes or labels and no line through a box', () => {
    for (const d of diagrams) {
      expect(overlaps(d.canvas.boxes), d.name).toEqual([]);
      // The design overview's lines hop over the bars they pass; everything else must be clear.
      const boxes = d.name === 'design' ? d.canvas.boxes.filter((b) => !b.what.startsWith('bar ')) : d.canvas.boxes;
      expect(crossings(d.canvas.segments, boxes), d.name).toEqual([]);
    }
  });

  it('render to PNG', () => {
    for (const d of diagrams) {
      const png = svgToPng(d.svg, { width: 800 });
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      const size = pngSize(png);
      expect(size.width).toBe(800);
      expect(size.height).toBeGreaterThan(150);
      expect(Math.abs(size.height - (800 * d.height) / d.width)).toBeLessThan(2);
      expect(png.length).toBeGreaterThan(5_000);
    }
  });
});

describe('routing diagrams', () => {
  it('one per SE group and HAProxy, byte-identical on every call', () => {
    for (const t of templates) {
      const doc = t.build();
      for (const h of routingHosts(doc)) expect(routingDiagramSvg(t.build(), h.id)).toBe(routingDiagramSvg(doc, h.id));
      expect(designDiagramSvg(t.build())).toBe(designDiagramSvg(doc));
    }
    expect(routingHosts(getTemplate('seed000-3net-alb')!.build()).map((h) => h.kind)).toEqual(['seGroup']);
    expect(routingHosts(getTemplate('seed002-multi-3nic')!.build()).map((h) => h.kind)).toEqual(['haproxy']);
  });

  it('throws for an id that is not a load balancer', () => {
    const doc = getTemplate('seed000-3net-alb')!.build();
    expect(() => routingDiagramSvg(doc, 'dp-data-48')).toThrow(/no SE group or HAProxy/);
  });

  it('draws seed 000 overview: NICs with pools, all four networks, 192.168.4.0/24 without a NIC, both VRFs', () => {
    const doc = getTemplate('seed000-overview')!.build();
    const svg = routingDiagramSvg(doc, 'se-group-default');
    for (const n of [0, 1, 2, 3, 4]) expect(svg).toContain(`192.168.${n}.0/24`);
    expect(svg).toContain('pool 192.168.0.10 – 192.168.0.19');
    expect(svg).toContain('management NIC');
    expect(svg).toMatch(/no SE NIC<\/text>\s*<text[^>]*>via 192\.168\.0\.1 \(default route\)/);
    expect(svg).toContain('VRF global (data)');
    expect(svg).toContain('VRF management');
    // The specific route to 192.168.100.0/24 through the next hop, and the default routes.
    expect(svg).toMatch(/192\.168\.100\.0\/24<\/text>\s*<text[^>]*>192\.168\.1\.254<\/text>\s*<text[^>]*>static/);
    expect(svg).toMatch(/0\.0\.0\.0\/0<\/text>\s*<text[^>]*>192\.168\.0\.1<\/text>\s*<text[^>]*>default/);
    expect(svg).toMatch(/0\.0\.0\.0\/0<\/text>\s*<text[^>]*>192\.168\.3\.1<\/text>\s*<text[^>]*>default/);
    expect(svg).toContain('VIP pool');
    expect(svg).toContain('clients (anywhere)');
    // Exactly one NIC line per SE interface (4), none to net-4.
    const nics = new Set(
      routingDiagram(doc, 'se-group-default')
        .canvas.segments.filter((s) => s.what.startsWith('nic '))
        .map((s) => s.what),
    );
    expect([...nics].sort()).toEqual(
      doc.links
        .filter((l) => l.from === 'se-group-default')
        .map((l) => `nic ${l.id}`)
        .sort(),
    );
    expect(
      doc.links
        .filter((l) => l.from === 'se-group-default')
        .map((l) => l.to)
        .sort(),
    ).toEqual(['net-0', 'net-1', 'net-2', 'net-3']);
  });

  it('draws the HAProxy of seed 002 with its VIP range on the frontend network and its interfaces', () => {
    const doc = getTemplate('seed002-multi-3nic')!.build();
    const svg = routingDiagramSvg(doc, 'haproxy-01');
    expect(svg).toContain('Frontend topology (3 NICs)');
    expect(svg).toContain('192.168.130.128/25');
    for (const a of ['192.168.110.5', '192.168.120.5', '192.168.130.5']) expect(svg).toContain(a);
    expect(svg).toContain('default (mgmt gw)');
    expect(svg).toContain('Interfaces');
  });

  it('flags a data VRF without a default route', () => {
    const t = getTemplate('seed000-3net-alb')!;
    const mutated = t.mutations.find((m) => m.id === 'no-data-default-route')!.apply(t.build());
    expect(routingDiagramSvg(mutated, 'se-group-default')).toContain('no default gateway');
  });
});
