import { beforeEach, describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { editor, history } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { useCanvasView } from '../store/canvasView.ts';
import { FIRST_OPEN_LAYOUT_LIMIT, checkFirstOpen, displayElements, forgetNetworkArranged } from './firstOpen.ts';
import { needsNetworkLayout } from './needsNetworkLayout.ts';
import { useLive } from '../live/store.ts';

const template = () => templates.find((t) => t.id === 'seed000-3net-alb')!.build();
let slot = 0;

beforeEach(() => {
  // A design opened in a slot of its own, as replaceDocument does.
  useSession.setState({ localId: `test-slot-${++slot}` });
  useCanvasView.setState({ view: 'network' });
  editor().load(template());
});

describe('the network view lays out a design on its first look', () => {
  it("lays out a design whose positions are not the network view's, as one undo step", () => {
    const before = editor().doc;
    expect(needsNetworkLayout(before.elements, before.links)).toBe(true);
    checkFirstOpen();
    const after = editor().doc;
    expect(after).not.toBe(before);
    expect(needsNetworkLayout(after.elements, after.links)).toBe(false);
    expect(history().pastStates).toHaveLength(1);
    editor().undo();
    expect(editor().doc.elements).toEqual(before.elements);
  });

  it('only once per design: an arrangement made afterwards is left alone', () => {
    checkFirstOpen();
    editor().undo();
    const mine = editor().doc;
    checkFirstOpen();
    expect(editor().doc).toBe(mine);
    // The graph view's auto-layout replaced every position: the network view may lay it out again.
    forgetNetworkArranged();
    checkFirstOpen();
    expect(editor().doc).not.toBe(mine);
  });

  it('not in the graph view, and never writes for a read-only viewer, who sees it laid out for display only', () => {
    useCanvasView.setState({ view: 'graph' });
    const doc = editor().doc;
    checkFirstOpen();
    expect(editor().doc).toBe(doc);
    useCanvasView.setState({ view: 'network' });
    editor().load(template(), { readOnly: true });
    const shared = editor().doc;
    checkFirstOpen();
    expect(editor().doc).toBe(shared);
    const shown = displayElements(shared, true);
    expect(needsNetworkLayout(shown, shared.links)).toBe(false);
    expect(displayElements(shared, false)).toBe(shared.elements);
  });

  it('waits while a live session is connecting (its document may come laid out by another peer)', () => {
    const doc = editor().doc;
    useLive.setState({ status: 'connecting' });
    checkFirstOpen();
    expect(editor().doc).toBe(doc);
    useLive.setState({ status: 'live' });
    checkFirstOpen();
    expect(editor().doc).not.toBe(doc);
    useLive.setState({ status: 'off' });
  });

  it('leaves a design already laid out for the network view as it is', () => {
    checkFirstOpen();
    const laid = editor().doc;
    useSession.setState({ localId: `test-slot-${++slot}` });
    editor().load(laid);
    checkFirstOpen();
    expect(editor().doc).toBe(laid);
  });

  it('leaves a large estate as it is (its stacked buses would make drops tens of thousands of px long)', () => {
    const doc = template();
    // Copies of one port group, each overlapping the others: a design that needs the layout, only larger.
    const pg = doc.elements.find((e) => e.kind === 'portGroup')!;
    for (let i = doc.elements.length; i <= FIRST_OPEN_LAYOUT_LIMIT; i++) doc.elements.push({ ...pg, id: `pg-copy-${i}`, name: `pg-copy-${i}` });
    editor().load(doc);
    const before = editor().doc;
    expect(before.elements.length).toBeGreaterThan(FIRST_OPEN_LAYOUT_LIMIT);
    expect(needsNetworkLayout(before.elements, before.links)).toBe(true);
    checkFirstOpen();
    expect(editor().doc).toBe(before);
    expect(displayElements(before, true)).toBe(before.elements);
  });
});
