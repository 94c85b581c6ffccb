import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { addElement, addLink, emptyDocument, moveElements } from '../document/edits.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../flow/mapping.ts';
import { busLayout } from './busLayout.ts';
import { needsNetworkLayout } from './needsNetworkLayout.ts';

const noMeasure = new Map();

describe("needsNetworkLayout: are these positions the network view's?", () => {
  it('no for every template after the network auto-layout', () => {
    for (const t of templates) {
      const doc = t.build();
      const laid = moveElements(doc, busLayout(doc, noMeasure));
      expect(needsNetworkLayout(laid.elements, laid.links), t.id).toBe(false);
    }
  });

  it('yes when two buses run over each other (networks placed as graph nodes side by side)', () => {
    let doc = emptyDocument();
    doc = addElement(doc, 'portGroup', { x: 0, y: 0 }).doc;
    doc = addElement(doc, 'portGroup', { x: 260, y: 10 }).doc;
    expect(needsNetworkLayout(doc.elements, doc.links)).toBe(true);
  });

  it('yes when a bus runs through an element, no when the element stands clear above it', () => {
    let doc = emptyDocument();
    doc = addElement(doc, 'portGroup', { x: 0, y: 200 }).doc;
    doc = addElement(doc, 'router', { x: 100, y: 180 }).doc;
    expect(needsNetworkLayout(doc.elements, doc.links)).toBe(true);
    doc = moveElements(doc, new Map([['router-1', { x: 100, y: 200 - NODE_HEIGHT - 72 }]]));
    doc = addLink(doc, {
      kind: 'nic',
      from: 'router-1',
      to: 'pg-1',
      role: 'routed',
      address: null,
      addressMode: 'static',
      gateway: null,
    }).doc;
    expect(needsNetworkLayout(doc.elements, doc.links)).toBe(false);
  });

  it('yes when element boxes overlap (an import that put everything at the origin), not when they barely touch', () => {
    let doc = emptyDocument();
    doc = addElement(doc, 'router', { x: 0, y: 0 }).doc;
    doc = addElement(doc, 'seGroup', { x: 40, y: 20 }).doc;
    expect(needsNetworkLayout(doc.elements, doc.links)).toBe(true);
    doc = moveElements(doc, new Map([['se-group-1', { x: NODE_WIDTH - 4, y: 0 }]]));
    expect(needsNetworkLayout(doc.elements, doc.links)).toBe(false);
  });

  it('answers for 10,000 elements quickly', () => {
    let protos = emptyDocument();
    protos = addElement(protos, 'seGroup', { x: 0, y: 0 }).doc;
    const elements = Array.from({ length: 10_000 }, (_, i) => ({
      ...protos.elements[0]!,
      id: `e${i}`,
      position: { x: (i % 100) * 260, y: Math.floor(i / 100) * 110 },
    }));
    const t0 = performance.now();
    expect(needsNetworkLayout(elements, [])).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
