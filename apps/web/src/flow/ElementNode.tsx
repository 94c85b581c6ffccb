/**
 * The one custom node (xyflow ColorSelectorNode pattern: typed `NodeProps`, `memo`,
 * registered in a module-level `nodeTypes`). It reads its badge, highlight and the zoom
 * level through narrow selectors, never the nodes array.
 */
import { memo, type CSSProperties } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { useBadge } from '../store/diagnostics.ts';
import { useUi } from '../store/ui.ts';
import { GLYPH } from '../lib/kinds.ts';
import type { ElementFlowNode } from './mapping.ts';
import { ROLE_LABEL, sourceHandleId, TARGET_HANDLE_ID } from './roles.ts';
import { CommentMarker } from '../comments/CommentMarker.tsx';
import { startKeyboardConnect } from './keyboardConnect.ts';

/**
 * Levels of detail (performance.md §5.3): below FAR_ZOOM a node shows its glyph and name only;
 * below DOT_ZOOM (text unreadable) it is a coloured block without handles, and the canvas
 * stops drawing edges, so a fit-view of thousands of elements stays interactive.
 */
export const FAR_ZOOM = 0.45;
export const DOT_ZOOM = 0.2;
const tierOf = (s: ReactFlowState) => (s.transform[2] < DOT_ZOOM ? 2 : s.transform[2] < FAR_ZOOM ? 1 : 0);

function ElementNodeView({ id, data, selected }: NodeProps<ElementFlowNode>) {
  const tier = useStore(tierOf);
  const connectingFrom = useUi((s) => (s.keyConnect?.source === id ? s.keyConnect.handle : null));
  const far = tier > 0;
  const badge = useBadge(id);
  const tone = useUi((s) => (s.highlight.has(id) ? s.highlightTone : null));
  const steps = useUi((s) => s.traceSteps.get(id));
  // History panel: how this element differs from the version being compared.
  const mark = useUi((s) => s.diffMarks.get(id));
  const style = { '--sys': `var(--sys-${data.system})` } as CSSProperties;
  const n = data.roles.length;
  if (tier === 2) {
    return (
      <div
        className={`vp-node dot${badge?.error ? ' has-errors' : ''}${tone ? ` highlight-${tone}` : ''}${mark ? ` diff-${mark}` : ''}`}
        style={style}
        data-testid={`node-${id}`}
        data-diff={mark}
        data-kind={data.kind}
        data-errors={badge?.error ?? 0}
        title={data.name}
      />
    );
  }
  if (far) {
    // Simplified level of detail for zoomed-out views (performance.md §5.3): name, glyph and the
    // error count only. Edges are drawn between node borders, so one hidden handle per side is
    // all React Flow needs to draw them.
    return (
      <div
        className={`vp-node far${tone ? ` highlight-${tone}` : ''}${mark ? ` diff-${mark}` : ''}`}
        style={style}
        data-testid={`node-${id}`}
        data-diff={mark}
        data-kind={data.kind}
        data-errors={badge?.error ?? 0}
      >
        <Handle type="target" position={Position.Left} id={TARGET_HANDLE_ID} className="vp-target" isConnectable={false} />
        {data.roles[0] && (
          <Handle
            type="source"
            position={Position.Right}
            id={sourceHandleId(data.roles[0])}
            className="vp-handle hidden"
            isConnectable={false}
          />
        )}
        <div className="vp-node-head">
          <div className="glyph" aria-hidden>
            {GLYPH[data.kind]}
          </div>
          <div className="vp-node-name">{data.name}</div>
        </div>
        {badge && badge.error > 0 && (
          <div className="vp-badge">
            <span className="error">{badge.error}</span>
          </div>
        )}
        {steps && <div className="vp-step">{steps.join(',')}</div>}
        <CommentMarker canvasId={id} name={data.name} />
      </div>
    );
  }
  return (
    <div
      className={`vp-node${tone ? ` highlight-${tone}` : ''}${mark ? ` diff-${mark}` : ''}`}
      style={style}
      data-testid={`node-${id}`}
      data-diff={mark}
      data-kind={data.kind}
      data-errors={badge?.error ?? 0}
      data-warnings={badge?.warning ?? 0}
    >
      <Handle type="target" position={Position.Left} id={TARGET_HANDLE_ID} className="vp-target" isConnectableStart={false} />
      <div className="vp-node-head">
        <div className="glyph" aria-hidden>
          {GLYPH[data.kind]}
        </div>
        <div className="vp-node-title">
          <div className="vp-node-name" title={data.name}>
            {data.name}
          </div>
          <div className="vp-node-kind">{data.label}</div>
        </div>
      </div>
      {(data.facts.length > 0 || data.tags.length > 0) && (
        <div className="vp-node-body">
          {data.facts.map((f) => (
            <div key={f} className="vp-node-fact">
              {f}
            </div>
          ))}
          {data.tags.length > 0 && (
            <div className="vp-tags">
              {data.tags.map((t) => (
                <span key={t} className="vp-tag">
                  {t}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
      {badge && (
        <div className="vp-badge" data-testid={`badge-${id}`}>
          {badge.error > 0 && <span className="error">{badge.error}</span>}
          {badge.warning > 0 && <span className="warning">{badge.warning}</span>}
          {badge.error === 0 && badge.warning === 0 && badge.info > 0 && <span className="info">{badge.info}</span>}
        </div>
      )}
      {steps && <div className="vp-step">{steps.join(',')}</div>}
      <CommentMarker canvasId={id} name={data.name} />
      {data.roles.map((role, i) => (
        <Handle
          key={role}
          type="source"
          position={Position.Right}
          id={sourceHandleId(role)}
          className="vp-handle"
          style={{ top: `${((i + 1) / (n + 1)) * 100}%`, '--role': `var(--role-${role})` } as CSSProperties}
          data-testid={`handle-${id}-${role}`}
          title={`${ROLE_LABEL[role]}: drag onto an element, or press Enter and then Enter on the element`}
          // Keyboard: in the tab order inside the selected element only (keyboardConnect.ts).
          tabIndex={selected ? 0 : -1}
          role="button"
          aria-label={`Connect ${ROLE_LABEL[role]} from ${data.name}`}
          data-connecting={connectingFrom === sourceHandleId(role) ? 'true' : undefined}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            // Not React Flow's node key handling (Enter would select the node again).
            e.preventDefault();
            e.stopPropagation();
            startKeyboardConnect(id, sourceHandleId(role), `${ROLE_LABEL[role]} from ${data.name}`);
          }}
        >
          <span className="vp-handle-label">{ROLE_LABEL[role]}</span>
        </Handle>
      ))}
    </div>
  );
}

export const ElementNode = memo(ElementNodeView);
