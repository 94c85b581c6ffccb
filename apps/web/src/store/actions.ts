/**
 * User commands, shared by the toolbar, keyboard shortcuts, context actions and tests. Each
 * says what enters history: document edits go through `editor().edit()` (one step each);
 * selection, dialogs and highlights never do.
 */
import { restore, type ElementKind, type Position, type TopologyDocument } from '@viplane/model';
import {
  addElement,
  copySelection,
  emptyDocument,
  getElement,
  paste,
  removeElements,
  setReference,
  type Clipboard,
} from '../document/edits.ts';
import { applyConnection, resolveConnection, type ConnectAction } from '../flow/connections.ts';
import { parseEdgeId } from '../flow/mapping.ts';
import { reconnectEdge, type ReconnectTarget } from '../flow/reconnect.ts';
import { handleRoles, roleOfHandle } from '../flow/roles.ts';
import { freeSpot } from '../flow/freeSpace.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../flow/mapping.ts';
import { editor, history } from './editor.ts';
import { newLocalId, useSession } from './session.ts';
import { clearHighlight, closeDialog, openDialog, setHighlight, toast, useUi } from './ui.ts';
import { canvasApi } from './canvasApi.ts';
import { detachFromServer } from '../persistence/serverSync.ts';
import { startAutosave } from '../persistence/autosave.ts';

export function addKind(kind: ElementKind, position?: Position): string | null {
  const at = position ?? canvasApi.current?.viewportCenter() ?? { x: 0, y: 0 };
  let id: string | null = null;
  editor().edit((doc) => {
    const r = addElement(doc, kind, freePlace(doc, { x: at.x - 106, y: at.y - 30 }));
    id = r.id;
    return r.doc;
  });
  if (id) editor().select([id]);
  return id;
}

/** The nearest place to `want` (a top-left corner) where a new element covers no other. */
function freePlace(doc: TopologyDocument, want: Position): Position {
  const { measured } = editor();
  const taken = doc.elements.map((e) => {
    const m = measured.get(e.id);
    return { x: e.position.x, y: e.position.y, w: m?.width ?? NODE_WIDTH, h: m?.height ?? NODE_HEIGHT };
  });
  return freeSpot(taken, want, { w: NODE_WIDTH, h: NODE_HEIGHT });
}

/**
 * A new element dropped on a network's bus (network view): the element, placed above the bus
 * where it fell, and its interface (or reference) on that network, as one undo step. When the
 * kind cannot attach to that network the element is still added, and the reason is shown.
 */
/** The length of a new element's drop to the bus it was dropped on: an IPv4 address label fits (labels.ts). */
const DROP_ROOM = 120;

export function addOnBus(kind: ElementKind, busId: string, x: number): string | null {
  const bus = getElement(editor().doc, busId);
  if (!bus) return addKind(kind);
  let id: string | null = null;
  let refusal: string | null = null;
  let created: string | undefined;
  editor().edit((doc) => {
    // Above the bus with room for the address written along the drop (flow/labels.ts).
    const r = addElement(doc, kind, freePlace(doc, { x: x - NODE_WIDTH / 2, y: bus.position.y - NODE_HEIGHT - DROP_ROOM }));
    id = r.id;
    // The attachment a drop on a bus means: the first of the element's roles (canvas order) with
    // one meaning on that network (a cluster's nodes rather than one of its two VIP networks),
    // else the first meaning of the first role that fits.
    const fits: ConnectAction[][] = [];
    for (const role of handleRoles(kind)) {
      const c = resolveConnection(r.doc, r.id, role, busId);
      if (c.ok) fits.push(c.actions);
      else refusal ??= c.reason;
    }
    const chosen = fits.find((actions) => actions.length === 1) ?? fits[0];
    if (chosen) {
      const applied = applyConnection(r.doc, chosen[0]!);
      created = applied.created;
      refusal = null;
      return applied.doc;
    }
    return r.doc;
  });
  if (refusal) toast(refusal, 'error');
  if (created) editor().select([], [`link:${created}`]);
  else if (id) editor().select([id]);
  return id;
}

/** A connection from the canvas. Several possible meanings open a chooser. */
export function connect(source: string, sourceHandle: string | null | undefined, target: string, at?: { x: number; y: number }) {
  const { doc } = editor();
  const r = resolveConnection(doc, source, roleOfHandle(sourceHandle), target);
  if (!r.ok) {
    toast(r.reason, 'error');
    return;
  }
  if (r.actions.length === 1) runConnectAction(r.actions[0]!);
  else useUi.setState({ chooser: { x: at?.x ?? 200, y: at?.y ?? 200, actions: r.actions } });
}

export function runConnectAction(action: ConnectAction) {
  useUi.setState({ chooser: null });
  let created: string | undefined;
  editor().edit((doc) => {
    const r = applyConnection(doc, action);
    created = r.created;
    return r.doc;
  });
  if (created) editor().select([], [`link:${created}`]);
}

/** An edge end dragged to another element: one undo step, or a refusal with its reason. */
export function reconnect(edgeId: string, to: ReconnectTarget): boolean {
  const r = reconnectEdge(editor().doc, edgeId, to);
  if (!r.ok) {
    toast(r.reason, 'error');
    return false;
  }
  editor().edit(() => r.doc);
  if (r.edgeId) editor().select([], [r.edgeId]);
  return true;
}

// ---------------------------------------------------------------- delete

/** Opens the confirmation listing what goes with the selection. */
export function requestDelete() {
  const { selectedNodes, selectedEdges, readOnly } = editor();
  if (readOnly || (selectedNodes.size === 0 && selectedEdges.size === 0)) return;
  const linkIds: string[] = [];
  const refEdges: string[] = [];
  for (const e of selectedEdges) {
    const parsed = parseEdgeId(e);
    if (parsed?.kind === 'link') linkIds.push(parsed.linkId);
    else if (parsed?.kind === 'ref') refEdges.push(e);
  }
  // A lone connection is cheap to restore (undo): no dialog.
  if (selectedNodes.size === 0) {
    deleteNow([], linkIds, refEdges);
    return;
  }
  openDialog({ type: 'confirm-delete', elementIds: [...selectedNodes], linkIds, refEdges });
}

export function deleteNow(elementIds: string[], linkIds: string[], refEdges: string[]) {
  editor().edit((doc) => {
    let next = removeElements(doc, elementIds, linkIds);
    for (const e of refEdges) {
      const parsed = parseEdgeId(e);
      if (parsed?.kind === 'ref') next = setReference(next, parsed.elementId, parsed.path, null);
    }
    return next;
  });
  editor().clearSelection();
  closeDialog();
}

// ---------------------------------------------------------------- clipboard

let clipboard: Clipboard | null = null;
let pasteCount = 0;

export function copy(): boolean {
  const { doc, selectedNodes } = editor();
  if (selectedNodes.size === 0) return false;
  clipboard = copySelection(doc, [...selectedNodes]);
  pasteCount = 0;
  return true;
}

export function pasteClipboard() {
  if (!clipboard || clipboard.elements.length === 0) return;
  pasteCount++;
  let ids: string[] = [];
  const clip = clipboard;
  editor().edit((doc) => {
    const r = paste(doc, clip, { x: 32 * pasteCount, y: 32 * pasteCount });
    ids = r.ids;
    return r.doc;
  });
  editor().select(ids);
}

export function duplicate() {
  if (copy()) pasteClipboard();
}

export function selectAll() {
  const { doc } = editor();
  editor().select(
    doc.elements.map((e) => e.id),
    [],
  );
}

// ---------------------------------------------------------------- documents

/** Every document that enters the editor passes restore() (design.md invariant). */
export function loadUnknown(input: unknown, source: string, options: { readOnly?: boolean } = {}): TopologyDocument | null {
  const result = restore(input);
  if (!result.ok) {
    openDialog({
      type: 'load-errors',
      title: `${source} could not be opened`,
      errors: result.errors.map((e) => ({ path: e.path, message: e.message })),
    });
    return null;
  }
  editor().load(result.document, options);
  clearHighlight();
  setTimeout(() => canvasApi.current?.showLoaded(), 80);
  return result.document;
}

/**
 * What replacing the open design would lose from everywhere but this browser, in words ("12
 * elements not saved anywhere"); undefined when it is empty, read-only or saved on the server.
 */
export function unsavedWork(): string | undefined {
  const { doc, readOnly } = editor();
  const { server, dirty } = useSession.getState();
  if (readOnly || doc.elements.length === 0 || (server && !dirty) || savedToFile === doc) return undefined;
  const n = `${doc.elements.length} element${doc.elements.length === 1 ? '' : 's'}`;
  return server ? `${n} with edits not saved to the server` : `${n} not saved anywhere`;
}

/** The document last written to a file (Save file): replacing it loses nothing. */
let savedToFile: TopologyDocument | null = null;
export function markSavedToFile(doc: TopologyDocument) {
  savedToFile = doc;
}

/**
 * Replaces the open design (template, file, import as a new design, a recent design, a version):
 * through restore(), as one undo step (Ctrl+Z brings the old design back), in a new slot of Recent
 * designs (the old one keeps its own). When the open design has work saved nowhere else, asks
 * first, naming it. `then` runs after the replacement (detach from the server, a toast...).
 */
export function replaceDocument(
  input: unknown,
  source: string,
  then?: (doc: TopologyDocument) => void,
  options: { ask?: boolean; localId?: string } = {},
): boolean {
  const result = restore(input);
  if (!result.ok) {
    openDialog({
      type: 'load-errors',
      title: `${source} could not be opened`,
      errors: result.errors.map((e) => ({ path: e.path, message: e.message })),
    });
    return false;
  }
  const go = () => {
    // Over an empty canvas with no history there is nothing to bring back: a fresh history.
    const empty = editor().doc.elements.length === 0 && editor().doc.links.length === 0 && history().pastStates.length === 0;
    if (empty) editor().load(result.document);
    else editor().replace(result.document);
    useSession.setState({ localId: options.localId ?? newLocalId() });
    clearHighlight();
    useUi.setState({ diffMarks: new Map() });
    closeDialog();
    then?.(result.document);
    setTimeout(() => canvasApi.current?.showLoaded(), 80);
  };
  const lost = options.ask === false ? undefined : unsavedWork();
  if (lost) openDialog({ type: 'confirm-replace', source, lost, confirm: go });
  else go();
  return true;
}

export function newDocument() {
  replaceDocument(emptyDocument(), 'A new design', () => detachFromServer(), { ask: false });
}

/** A view link's design as an editable local copy (not linked to the shared one). */
export function editCopy() {
  const doc = editor().doc;
  editor().load({ ...doc, name: `${doc.name} (copy)` });
  detachFromServer();
  startAutosave();
  toast('This is now your own copy: edits stay in this browser until you save it.', 'success', 6000);
}

// ---------------------------------------------------------------- focus

/** Selects and shows elements (problems panel, trace, search). */
export function focusElements(canvasIds: string[], tone: 'problem' | 'trace' = 'problem') {
  const { doc } = editor();
  const nodeIds = canvasIds.filter((id) => getElement(doc, id));
  const edgeIds = canvasIds.filter((id) => id.startsWith('link:') || id.startsWith('ref:'));
  // A link target also shows its two ends.
  for (const e of edgeIds) {
    const parsed = parseEdgeId(e);
    if (parsed?.kind === 'link') {
      const l = doc.links.find((x) => x.id === parsed.linkId);
      if (l) nodeIds.push(l.from, l.to);
    }
  }
  setHighlight(canvasIds, tone);
  editor().select(nodeIds.slice(0, 1), []);
  if (nodeIds.length) canvasApi.current?.fitNodes([...new Set(nodeIds)]);
}
