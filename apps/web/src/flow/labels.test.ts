import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { moveElements, type Doc } from '../document/edits.ts';
import { busLayout } from '../layout/busLayout.ts';
import { BUS_HEIGHT, NetworkNodeMapper, dropsOf, type BusFlowNode } from './busMapping.ts';
import { framesOf } from './containers.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './mapping.ts';
import { busLabelWidth, busLabelX, dropLabelBox, placeDropLabels, type Box } from './labels.ts';

const noMeasure = new Map();
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

interface Labelled extends Box {
  what: string;
  /** The box it is written on (a bus label on its bus), which it may overlap. */
  on?: string;
}

/** Every label and box of the network view of a document, as busMapping.ts and containers.ts place them. */
function picture(doc: Doc) {
  const nodes = new NetworkNodeMapper().map(doc.elements, doc.links, new Set(), noMeasure);
  const boxes: Labelled[] = [];
  const labels: Labelled[] = [];
  const busBoxes = new Map<string, Box>();
  const drops = new Map(dropsOf(doc.elements, doc.links).map((d) => [d.edgeId, d]));
  let unplaced = 0;
  for (const n of nodes) {
    if (n.type === 'bus') {
      const bus = n as BusFlowNode;
      const box = { x: bus.position.x, y: bus.position.y, width: bus.width!, height: BUS_HEIGHT };
      busBoxes.set(bus.id, box);
      boxes.push({ ...box, what: `bus ${bus.id}` });
      labels.push({
        x: bus.position.x + bus.data.labelX,
        y: bus.position.y + 6,
        width: busLabelWidth(bus.data.name, bus.data.facts),
        height: BUS_HEIGHT - 12,
        what: `bus label ${bus.id}`,
        on: `bus ${bus.id}`,
      });
      for (const d of bus.data.drops) {
        const spec = drops.get(d.edgeId)!;
        if (spec.kind !== 'nic') continue;
        if (d.labelY === null) {
          unplaced++;
          continue;
        }
        labels.push({ ...dropLabelBox(bus.position.x + d.x, d.labelY, spec.label), what: `drop label ${d.edgeId}` });
      }
    } else {
      // An element's own labels are written inside its box.
      boxes.push({ x: n.position.x, y: n.position.y, width: NODE_WIDTH, height: NODE_HEIGHT, what: `element ${n.id}` });
    }
  }
  for (const f of framesOf(doc.elements, noMeasure, busBoxes)) labels.push({ ...f.labelBox, what: `frame label ${f.id}` });
  return { boxes, labels, unplaced };
}

describe('network view labels', () => {
  it('after auto-layout, no label overlaps another label or a box, and every address is written, for every template', () => {
    for (const t of templates) {
      const doc0 = t.build();
      const doc = moveElements(doc0, busLayout(doc0, noMeasure));
      const { boxes, labels, unplaced } = picture(doc);
      const clashes: string[] = [];
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++)
          if (overlap(labels[i]!, labels[j]!)) clashes.push(`${labels[i]!.what} / ${labels[j]!.what}`);
        for (const b of boxes) if (b.what !== labels[i]!.on && overlap(labels[i]!, b)) clashes.push(`${labels[i]!.what} on ${b.what}`);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) clashes.push(`${boxes[i]!.what} / ${boxes[j]!.what}`);
      expect(clashes, t.id).toEqual([]);
      expect(unplaced, `${t.id}: addresses not written`).toBe(0);
      // Not vacuous: the designs with interfaces do write addresses.
      if (doc.links.some((l) => l.kind === 'nic'))
        expect(
          labels.some((l) => l.what.startsWith('drop label')),
          t.id,
        ).toBe(true);
    }
  });

  it('writes a bus label in the first span no passing drop crosses', () => {
    expect(busLabelX(0, 100, [])).toBe(15);
    expect(busLabelX(0, 100, [300])).toBe(15);
    expect(busLabelX(0, 100, [60])).toBe(66);
    expect(busLabelX(0, 100, [60, 120, 400])).toBe(126);
  });

  it('writes a drop label in the free stretch nearest its bus, or not at all', () => {
    // A drop from y 0 down to a bus at 400, passing behind a box from 150 to 230.
    const box = { x: 90, y: 150, width: 40, height: 80 };
    const placed = placeDropLabels([{ edgeId: 'a', x: 100, from: 0, to: 400, text: '10.0.0.1' }], [box]);
    const y = placed.get('a')!;
    expect(y).toBeGreaterThan(230);
    expect(overlap(dropLabelBox(100, y, '10.0.0.1'), box)).toBe(false);
    // Two drops on the same line: the second finds the other free stretch.
    const two = placeDropLabels(
      [
        { edgeId: 'a', x: 100, from: 0, to: 400, text: '10.0.0.1' },
        { edgeId: 'b', x: 100, from: 0, to: 400, text: '10.0.0.2' },
      ],
      [box],
    );
    const [ya, yb] = [two.get('a')!, two.get('b')!];
    expect(overlap(dropLabelBox(100, ya, '10.0.0.1'), dropLabelBox(100, yb, '10.0.0.2'))).toBe(false);
    // No room at all.
    expect(placeDropLabels([{ edgeId: 'c', x: 100, from: 0, to: 30, text: '10.0.0.1' }], []).get('c')).toBeNull();
  });

  it('keeps the address labels in place while a drag runs, and places them again when it ends', () => {
    const doc0 = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const doc = moveElements(doc0, busLayout(doc0, noMeasure));
    const mapper = new NetworkNodeMapper();
    const labelsOf = (nodes: ReturnType<NetworkNodeMapper['map']>) =>
      new Map(nodes.flatMap((n) => (n.type === 'bus' ? (n as BusFlowNode).data.drops.map((d) => [d.edgeId, d.labelY] as const) : [])));
    const before = labelsOf(mapper.map(doc.elements, doc.links, new Set(), noMeasure));
    const se = doc.elements.find((e) => e.id === 'se-group-default')!;
    // The SE group lowered 120 px towards the buses: its drops get shorter.
    const lifted = moveElements(doc, new Map([[se.id, { x: se.position.x, y: se.position.y + 120 }]]));
    const during = labelsOf(mapper.map(lifted.elements, lifted.links, new Set(), noMeasure, true));
    expect(during).toEqual(before);
    const after = labelsOf(mapper.map(lifted.elements, lifted.links, new Set(), noMeasure, false));
    expect(after).not.toEqual(before);
  });

  it('places the labels of a 10,000-element design in one pass, fast', () => {
    const doc0 = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const doc = moveElements(doc0, busLayout(doc0, noMeasure));
    // 250 copies of the design side by side: ~10,000 elements with their drops.
    const copies = 250;
    const elements = [];
    const links = [];
    const width = 4000;
    for (let c = 0; c < Math.ceil(10_000 / doc.elements.length) && c < copies * 4; c++) {
      const map = (id: string) => `${id}~${c}`;
      for (const e of doc.elements)
        elements.push({
          ...e,
          id: map(e.id),
          position: { x: e.position.x + (c % 50) * width, y: e.position.y + Math.floor(c / 50) * 2000 },
        });
      for (const l of doc.links) links.push({ ...l, id: map(l.id), from: map(l.from), to: map(l.to) });
    }
    const big = { ...doc, elements, links } as Doc;
    // Warm (as while dragging): the mapping of a moved design, timed after a first run.
    const mapper = new NetworkNodeMapper();
    mapper.map(big.elements, big.links, new Set(), noMeasure);
    const moved = moveElements(big, new Map([[big.elements[5]!.id, { x: 10, y: 10 }]]));
    const t0 = performance.now();
    mapper.map(moved.elements, moved.links, new Set(), noMeasure);
    const ms = performance.now() - t0;
    // While dragging, the labels keep their places: the mapping does not place them again.
    const moved2 = moveElements(moved, new Map([[big.elements[5]!.id, { x: 40, y: 10 }]]));
    const t1 = performance.now();
    mapper.map(moved2.elements, moved2.links, new Set(), noMeasure, true);
    const dragMs = performance.now() - t1;
    if (process.env['DEBUG_LABELS']) console.log('map ms', ms, 'while dragging', dragMs);
    expect(dragMs).toBeLessThan(ms);
    expect(elements.length).toBeGreaterThanOrEqual(10_000);
    expect(ms).toBeLessThan(1500);
  });
});
