/**
 * The canvas: React Flow in controlled mode, fed by the incremental mappers. This component is
 * the only one that holds the nodes/edges arrays (React Flow needs them); node and edge
 * components read their own state by id. Drag = one transaction (one undo step).
 */
import { PresenceLayer } from '../live/PresenceLayer.tsx';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  ConnectionMode,
  MiniMap,
  ReactFlow,
  useConnection,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
  type Connection,
  type ConnectionState,
  type InternalNode,
  type FinalConnectionState,
  type HandleType,
  type IsValidConnection,
  type NodeChange,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import { kindInfo, type ElementKind } from '@viplane/model';
import { editor, useEditor, type EditorState } from '../store/editor.ts';
import { useUi } from '../store/ui.ts';
import { addKind, addOnBus, connect, reconnect, runConnectAction } from '../store/actions.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { EdgeMapper, NODE_HEIGHT, NODE_WIDTH, NodeMapper, type ConnectionEdge, type ElementFlowNode } from './mapping.ts';
import { getElement } from '../document/edits.ts';
import { DOT_ZOOM, ElementNode } from './ElementNode.tsx';
import { ConnectionEdgeComponent } from './ConnectionEdge.tsx';
import { resolveConnection } from './connections.ts';
import { roleOfHandle, sourceHandleId } from './roles.ts';
import { reconnectEdge, type ReconnectTarget } from './reconnect.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { DotGrid } from './DotGrid.tsx';
import { startImport } from '../import/importFlow.ts';
import { BusNode } from './BusNode.tsx';
import { DropEdge } from './DropEdge.tsx';
import { NetworkEdgeMapper, NetworkNodeMapper, isNetworkKind, type NetworkViewNode } from './busMapping.ts';
import { rememberViewport, storedViewport, useCanvasView } from '../store/canvasView.ts';
import { useArrowNavigation } from './useArrowNavigation.ts';
import { framesOf, type Box, type Frame } from './containers.ts';
import { FrameLayer } from './FrameLayer.tsx';
import { displayElements } from '../layout/firstOpen.ts';
import { connectorRouting } from './routing/client.ts';
import { routingBoxOf, routingEdgeOf } from './routing/adapters.ts';
import { KeyConnectStatus } from './KeyConnectStatus.tsx';
import { useKeyboardConnectKeys } from './keyboardConnect.ts';
import { PointMarkers } from '../comments/PointMarkers.tsx';
import { PointCommentMenu } from '../comments/PointCommentMenu.tsx';
import { openPointMenu } from '../comments/pointComments.ts';

export const PALETTE_MIME = 'application/x-viplane-kind';

const nodeTypes = { element: ElementNode, bus: BusNode };
const edgeTypes = { connection: ConnectionEdgeComponent, drop: DropEdge };
const SNAP: [number, number] = [16, 16];
/** Designs above this size render only what is in view (performance.md §3.2). */
export const CULL_THRESHOLD = 250;
/** Above this size a loaded design opens at editing zoom on its first elements (F fits all). */
const LARGE_DESIGN = 1000;
/** Above this size the minimap (which draws every node) is off by default. */
const MINIMAP_LIMIT = 3000;
const MINIMAP_STYLE = { width: 168, height: 112 };

const NO_EDGES: ConnectionEdge[] = [];
/** An edge end being dragged (React Flow's reconnect), with the end that stays: typed like a new connection. */
const reconnecting: { current: { edge: ConnectionEdge; fixed: HandleType } | null } = { current: null };
const isDotTier = (s: ReactFlowState) => s.transform[2] < DOT_ZOOM;
const nodeMapper = new NodeMapper();
const edgeMapper = new EdgeMapper();
const selectNodes = (s: EditorState): ElementFlowNode[] => nodeMapper.map(s.doc.elements, s.selectedNodes, s.measured);
const selectEdges = (s: EditorState): ConnectionEdge[] => edgeMapper.map(s.doc.elements, s.doc.links, s.selectedEdges);
// The network view (buses): its own mappers, built on the free graph's (busMapping.ts).
const networkNodeMapper = new NetworkNodeMapper();
const networkEdgeMapper = new NetworkEdgeMapper();
// A read-only viewer of a design not laid out for this view sees it laid out (layout/firstOpen.ts).
const selectNetworkNodes = (s: EditorState): NetworkViewNode[] =>
  networkNodeMapper.map(displayElements(s.doc, s.readOnly), s.doc.links, s.selectedNodes, s.measured, s.transaction?.label === 'move');
/** The containers of the network view, recomputed when its nodes are (a drag included), in one pass. */
let framesMemo: { nodes: readonly NetworkViewNode[]; frames: Frame[] } | null = null;
const selectFrames = (s: EditorState): Frame[] => {
  const nodes = selectNetworkNodes(s);
  if (framesMemo?.nodes === nodes) return framesMemo.frames;
  const buses = new Map<string, Box>();
  for (const n of nodes) if (n.type === 'bus') buses.set(n.id, { x: n.position.x, y: n.position.y, width: n.width!, height: n.height! });
  framesMemo = { nodes, frames: framesOf(displayElements(s.doc, s.readOnly), s.measured, buses) };
  return framesMemo.frames;
};
const NO_FRAMES: Frame[] = [];
const selectNoFrames = () => NO_FRAMES;
const selectNetworkEdges = (s: EditorState): ConnectionEdge[] =>
  networkEdgeMapper.map(s.doc.elements, s.doc.links, s.selectedEdges, selectEdges(s));

/**
 * A bus is drawn from its leftmost drop, not from its element's position: a drag of the bus
 * moves the element by as much as the bus moved (its length stays derived).
 */
function busMovesToElementMoves(changes: NodeChange[]): NodeChange[] {
  const doc = editor().doc;
  return changes.map((c) => {
    if (c.type !== 'position' || !c.position) return c;
    const left = networkNodeMapper.busLeft(c.id);
    const el = left === undefined ? undefined : getElement(doc, c.id);
    if (left === undefined || !el) return c;
    return { ...c, position: { x: el.position.x + (c.position.x - left), y: c.position.y } };
  });
}

const SYS_COLOR: Record<string, string> = {
  physical: '#64748b',
  vsphere: '#2f6fdc',
  'nsx-alb': '#7c3aed',
  haproxy: '#c0266d',
  tkg: '#0f8a5f',
  tanzu: '#0d8f86',
  kubernetes: '#4f46e5',
  nsxt: '#c26a07',
  aci: '#0a8bb0',
};
const minimapColor = (n: NetworkViewNode) => SYS_COLOR[n.data.system] ?? '#64748b';

export function Canvas() {
  const view = useCanvasView((s) => s.view);
  const network = view === 'network';
  const nodes: NetworkViewNode[] = useEditor(network ? selectNetworkNodes : selectNodes);
  const edges = useEditor(network ? selectNetworkEdges : selectEdges);
  const frames = useEditor(network ? selectFrames : selectNoFrames);
  const [fileOver, setFileOver] = useState(false);
  // Network view: connectors are routed round elements and buses (routing/), off the main thread.
  useEffect(() => {
    if (network) connectorRouting.update(nodes, routingBoxOf, edges, routingEdgeOf);
    else connectorRouting.reset();
  }, [network, nodes, edges]);
  const readOnly = useEditor((s) => s.readOnly);
  const theme = useUi((s) => s.theme);
  const snap = useUi((s) => s.snapToGrid);
  const showMinimap = useUi((s) => s.showMinimap);
  const flow = useReactFlow<NetworkViewNode, ConnectionEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  // Lowest level of detail: nodes are blocks without handles, so no edges (see ElementNode.tsx).
  const dotTier = useStore(isDotTier);
  const updateNodeInternals = useUpdateNodeInternals();
  const wasDot = useRef(false);
  useEffect(() => {
    // Coming back from blocks: the handles are back in the DOM, measure them again.
    if (wasDot.current && !dotTier) requestAnimationFrame(() => updateNodeInternals(editor().doc.elements.map((e) => e.id)));
    wasDot.current = dotTier;
  }, [dotTier, updateNodeInternals]);

  useEffect(() => {
    const fitBoxes = (ids: string[], o: { padding: number; maxZoom: number; minZoom?: number; duration: number }) => {
      const rect = boundsOf(ids, editor().measured, useCanvasView.getState().view === 'network');
      if (!rect) return;
      const el = wrapper.current;
      if (!el) return;
      // fitBounds with zoom limits: compute the zoom ourselves, then centre.
      const w = el.clientWidth;
      const h = el.clientHeight;
      const zoom = Math.min(
        o.maxZoom,
        Math.max(o.minZoom ?? 0.05, Math.min(w / (rect.width * (1 + 2 * o.padding)), h / (rect.height * (1 + 2 * o.padding)))),
      );
      const cx = rect.x + rect.width / 2;
      const cy = rect.y + rect.height / 2;
      const minZoomFitsAll = o.minZoom !== undefined && zoom === o.minZoom;
      void flow.setViewport(
        minZoomFitsAll ? { x: -rect.x * zoom + 40, y: -rect.y * zoom + 40, zoom } : { x: w / 2 - cx * zoom, y: h / 2 - cy * zoom, zoom },
        { duration: o.duration },
      );
    };
    canvasApi.current = {
      viewportCenter: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      // React Flow's fitView only counts measured nodes, and culling leaves most of a large design
      // unmeasured: fit the document's own boxes instead.
      fitAll: () =>
        fitBoxes(
          editor().doc.elements.map((e) => e.id),
          { padding: 0.12, maxZoom: 1.25, duration: 250 },
        ),
      showLoaded: () => {
        const { elements } = editor().doc;
        // performance.md §3.2: culling keeps a large design fast at editing zoom, not at fit-view.
        if (elements.length > LARGE_DESIGN)
          fitBoxes(
            elements.slice(0, 40).map((e) => e.id),
            { padding: 0.05, maxZoom: 1, minZoom: 0.8, duration: 0 },
          );
        else
          fitBoxes(
            elements.map((e) => e.id),
            { padding: 0.12, maxZoom: 1.25, duration: 0 },
          );
      },
      fitNodes: (ids) => fitBoxes(ids, { padding: 0.35, maxZoom: 1.1, duration: 300 }),
      panTo: (p) => void flow.setCenter(p.x, p.y, { zoom: flow.getZoom(), duration: 300 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
    };
    // A design restored at boot comes back where it was last seen (per design, this browser), else
    // it is shown whole; an empty canvas keeps zoom 1 (drops land where they fall).
    const timer = setTimeout(() => {
      if (editor().doc.elements.length === 0) return;
      const seen = storedViewport();
      if (seen) void flow.setViewport(seen);
      else canvasApi.current?.showLoaded();
    }, 80);
    return () => {
      clearTimeout(timer);
      canvasApi.current = null;
    };
  }, [flow]);

  const applyNodeChanges = useEditor((s) => s.onNodesChange);
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => applyNodeChanges(network ? busMovesToElementMoves(changes) : changes),
    [applyNodeChanges, network],
  );
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const onDragStop = useCallback(() => editor().commitTransaction(), []);
  const onDragStart = useCallback(() => editor().beginTransaction('move'), []);

  const isValidConnection: IsValidConnection<ConnectionEdge> = useCallback((c) => {
    const r = reconnecting.current;
    if (r) return reconnectEdge(editor().doc, r.edge.id, reconnectTarget(r.edge, r.fixed, c)).ok;
    return resolveConnection(editor().doc, c.source, roleOfHandle(c.sourceHandle), c.target).ok;
  }, []);
  const onReconnectStart = useCallback((_: unknown, edge: ConnectionEdge, fixed: HandleType) => {
    reconnecting.current = { edge, fixed };
  }, []);
  const onReconnect = useCallback((edge: ConnectionEdge, c: Connection) => {
    const fixed = reconnecting.current?.fixed ?? 'source';
    reconnect(edge.id, reconnectTarget(edge, fixed, c));
  }, []);
  const onReconnectEnd = useCallback((_: unknown, edge: ConnectionEdge, fixed: HandleType, state: FinalConnectionState) => {
    reconnecting.current = null;
    useUi.setState({ connectHint: null });
    // Dropped on an element that refuses: say why (a valid drop already went to onReconnect).
    if (!state.isValid && state.toNode && state.fromNode && state.toNode.id !== state.fromNode.id) {
      const c = fixed === 'source' ? { source: edge.source, target: state.toNode.id } : { source: state.toNode.id, target: edge.target };
      reconnect(edge.id, reconnectTarget(edge, fixed, { ...c, sourceHandle: state.toHandle?.id ?? null }));
    }
  }, []);
  const lastPointer = useRef({ x: 0, y: 0 });
  const onConnect = useCallback((c: Connection) => {
    const rect = wrapper.current?.getBoundingClientRect();
    connect(c.source, c.sourceHandle, c.target, {
      x: lastPointer.current.x - (rect?.left ?? 0),
      y: lastPointer.current.y - (rect?.top ?? 0),
    });
  }, []);
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if ('clientX' in event) lastPointer.current = { x: event.clientX, y: event.clientY };
    useUi.setState({ connectHint: null });
    // A reconnect ends here too (before onReconnectEnd, which explains its own refusals).
    if (reconnecting.current) return;
    // Dropped on an element that refuses: say why (a valid drop already went to onConnect).
    if (!state.isValid && state.toNode && state.fromNode && state.toNode.id !== state.fromNode.id) {
      connect(state.fromNode.id, state.fromHandle?.id, state.toNode.id);
    }
  }, []);

  const onDragOver = useCallback(
    (event: DragEvent) => {
      // Files from the desktop (configs to import) or an element from the palette.
      if (event.dataTransfer.types.includes('Files') && !readOnly) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setFileOver(true);
        return;
      }
      if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      setFileOver(false);
      if (event.dataTransfer.files.length > 0) {
        event.preventDefault();
        if (!readOnly) void startImport([...event.dataTransfer.files]);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME) as ElementKind;
      if (!kind || !(kind in kindInfo)) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Network view: dropped on a bus, the new element is attached to that network.
      const bus = network && !isNetworkKind(kind) ? busAt(event.clientX, event.clientY) : null;
      if (bus) {
        addOnBus(kind, bus, p.x);
        return;
      }
      const at = snap ? { x: Math.round(p.x / SNAP[0]) * SNAP[0], y: Math.round(p.y / SNAP[1]) * SNAP[1] } : p;
      addKind(kind, { x: at.x + 106, y: at.y + 30 });
    },
    [flow, snap, readOnly, network],
  );
  const onDragLeave = useCallback((event: DragEvent) => {
    // Left the canvas (not just moved from one child to another).
    if (!wrapper.current?.contains(event.relatedTarget as globalThis.Node | null)) setFileOver(false);
  }, []);
  const onPaneClick = useCallback(() => useUi.setState({ chooser: null, keyConnect: null }), []);
  // Right-click on the empty canvas: "Comment here" (comments/PointCommentMenu.tsx), for links that may comment.
  const onPaneContextMenu = useCallback(
    (event: MouseEvent | ReactMouseEvent) => {
      const rect = wrapper.current?.getBoundingClientRect();
      if (!rect) return;
      // Where the pointer is, not the grid point next to it (snap-to-grid is for elements).
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: false });
      if (openPointMenu(event.clientX - rect.left, event.clientY - rect.top, at)) event.preventDefault();
    },
    [flow],
  );
  // While the view moves, the viewport is a compositor layer of its own, so a pan only moves
  // pixels instead of painting and rasterising every node and edge again each frame (the largest
  // cost of a pan in software rendering, performance.md §3.2). Only while moving: a layer kept
  // through a zoom would stay rasterised at the old scale, with blurred text.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('moving'), []);
  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => {
    wrapper.current?.classList.remove('moving');
    if (editor().doc.elements.length > 0) rememberViewport(viewport);
  }, []);

  const proOptions = useMemo(() => ({ hideAttribution: true }), []);
  const large = nodes.length > CULL_THRESHOLD;
  const onArrowKey = useArrowNavigation(wrapper);
  const onConnectKey = useKeyboardConnectKeys(wrapper);
  const onCanvasKey = useCallback(
    (e: KeyboardEvent) => {
      if (!onConnectKey(e)) onArrowKey(e);
    },
    [onConnectKey, onArrowKey],
  );

  return (
    <div
      className={`canvas${fileOver ? ' file-over' : ''}`}
      ref={wrapper}
      data-testid="canvas"
      data-view={view}
      onDragLeave={onDragLeave}
      data-pane="canvas"
      role="region"
      aria-label="Canvas"
      tabIndex={-1}
      onKeyDownCapture={onCanvasKey}
      onPointerMove={(e) => (lastPointer.current = { x: e.clientX, y: e.clientY })}
    >
      <ReactFlow<NetworkViewNode, ConnectionEdge>
        nodes={nodes}
        edges={dotTier ? NO_EDGES : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        connectionRadius={24}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onPaneClick={onPaneClick}
        onPaneContextMenu={onPaneContextMenu}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        onReconnect={onReconnect}
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        reconnectRadius={12}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        snapToGrid={snap}
        snapGrid={SNAP}
        onlyRenderVisibleElements={large}
        minZoom={0.05}
        maxZoom={2.5}
        colorMode={theme}
        proOptions={proOptions}
      >
        <DotGrid />
        {frames.length > 0 && <FrameLayer frames={frames} />}
        {showMinimap && nodes.length <= MINIMAP_LIMIT && (
          <MiniMap<NetworkViewNode>
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            nodeBorderRadius={4}
            maskColor="rgba(120,130,150,0.12)"
            style={MINIMAP_STYLE}
          />
        )}
        <ConnectHint />
        <PresenceLayer containerRef={wrapper} />
        <PointMarkers />
      </ReactFlow>
      {fileOver && (
        <div className="canvas-dropzone" data-testid="file-dropzone" aria-hidden>
          Drop configuration files to import them
        </div>
      )}
      <CanvasToolbar />
      <Chooser />
      <KeyConnectStatus />
      <PointCommentMenu />
      {nodes.length === 0 && <EmptyState readOnly={readOnly} />}
    </div>
  );
}

/**
 * What a reconnect drop means. With the source end fixed (the target end dragged), React Flow
 * reports the source's first handle, since edges carry no handle ids: the edge's own role holds.
 */
function reconnectTarget(
  edge: ConnectionEdge,
  fixed: HandleType,
  c: Pick<Connection, 'source' | 'target'> & { sourceHandle?: string | null },
): ReconnectTarget {
  const sourceHandle = fixed === 'source' && c.source === edge.source ? sourceHandleId(edge.data?.role ?? 'member') : c.sourceHandle;
  return { source: c.source, sourceHandle, target: c.target };
}

/** The network view's bus under a screen point, if any. */
function busAt(clientX: number, clientY: number): string | null {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const bus = el.closest('.react-flow__node-bus');
    const id = bus?.getAttribute('data-id');
    if (id) return id;
  }
  return null;
}

/**
 * The bounding box of elements in flow coordinates, from the document (measured size when
 * known); in the network view a network is its bus, as long as its drops reach.
 */
function boundsOf(ids: string[], measured: ReadonlyMap<string, { width: number; height: number }>, network: boolean) {
  const { doc, readOnly } = editor();
  const shown = network && readOnly ? new Map(displayElements(doc, readOnly).map((e) => [e.id, e])) : null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const el = shown ? shown.get(id) : getElement(doc, id);
    if (!el) continue;
    const busLeft = network ? networkNodeMapper.busLeft(id) : undefined;
    if (busLeft !== undefined) {
      const bus = networkNodeMapper.busBox(id)!;
      x0 = Math.min(x0, bus.x);
      y0 = Math.min(y0, bus.y);
      x1 = Math.max(x1, bus.x + bus.width);
      y1 = Math.max(y1, bus.y + bus.height);
      continue;
    }
    const m = measured.get(id);
    x0 = Math.min(x0, el.position.x);
    y0 = Math.min(y0, el.position.y);
    x1 = Math.max(x1, el.position.x + (m?.width ?? NODE_WIDTH));
    y1 = Math.max(y1, el.position.y + (m?.height ?? NODE_HEIGHT));
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** While a connection is dragged over an element that refuses it, say why next to the pointer. */
const connectionSelector = (c: ConnectionState<InternalNode<ElementFlowNode>>) =>
  c.inProgress && c.toNode && c.fromNode && c.toNode.id !== c.fromNode.id && c.isValid === false
    ? `${c.fromNode.id}\u0000${c.fromHandle?.id ?? ''}\u0000${c.toNode.id}\u0000${c.toHandle?.id ?? ''}\u0000${Math.round(c.pointer.x)}\u0000${Math.round(c.pointer.y)}`
    : null;

function ConnectHint() {
  const key = useConnection<ElementFlowNode, string | null>(connectionSelector);
  if (!key) return null;
  const [from, handle, to, toHandle, x, y] = key.split('\u0000') as [string, string, string, string, string, string];
  const re = reconnecting.current;
  const r = re
    ? reconnectEdge(
        editor().doc,
        re.edge.id,
        reconnectTarget(
          re.edge,
          re.fixed,
          re.fixed === 'source' ? { source: from, target: to, sourceHandle: handle } : { source: to, target: from, sourceHandle: toHandle },
        ),
      )
    : resolveConnection(editor().doc, from, roleOfHandle(handle), to);
  if (r.ok) return null;
  return (
    <div className="connect-hint" style={{ left: Number(x) + 14, top: Number(y) + 14 }} data-testid="connect-hint">
      {r.reason}
    </div>
  );
}

function Chooser() {
  const chooser = useUi((s) => s.chooser);
  if (!chooser) return null;
  return (
    <div className="chooser" style={{ left: chooser.x, top: chooser.y }} data-testid="connection-chooser" role="menu">
      <h5>Connect as…</h5>
      {chooser.actions.map((a, i) => (
        <button
          key={i}
          className="menu-item"
          role="menuitem"
          onClick={() => runConnectAction(a)}
          data-testid={`choose-${a.type === 'ref' ? a.path : a.type}`}
          autoFocus={i === 0}
        >
          {a.label}
        </button>
      ))}
      <button className="menu-item subtle" onClick={() => useUi.setState({ chooser: null })}>
        Cancel
      </button>
    </div>
  );
}

function EmptyState({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="canvas-empty">
      <div className="canvas-empty-card">
        <h2>{readOnly ? 'This design is empty' : 'Start your topology'}</h2>
        {!readOnly && (
          <>
            Drag port groups, routers, load balancers and clusters from the palette, then connect them by their typed handles (or the
            inspector's Add interface). Or start from one of the seeds' reference designs.
            <div className="row">
              <button
                className="btn outline"
                onClick={() => useUi.setState({ dialog: { type: 'templates' } })}
                data-testid="empty-templates"
              >
                Browse templates
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

export const zoomSelector = (s: ReactFlowState) => s.transform[2];
export { useStore as useFlowStore };
