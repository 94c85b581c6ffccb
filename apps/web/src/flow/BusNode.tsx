/**
 * A network drawn as a horizontal bus (the network view): its name, subnet, VLAN and gateway
 * written on the bar, as on the exported design diagram. The whole bar is a connection target
 * (drop an element's handle, or a dragged interface end, anywhere on it); each attached drop has
 * its own handle at the place busMapping.ts computed, so React Flow draws the drop there.
 */
import { memo, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useBadge } from '../store/diagnostics.ts';
import { useUi } from '../store/ui.ts';
import { TARGET_HANDLE_ID } from './roles.ts';
import { BUS_HEIGHT, dropHandleId, type BusFlowNode } from './busMapping.ts';

function BusNodeView({ id, data }: NodeProps<BusFlowNode>) {
  const badge = useBadge(id);
  const tone = useUi((s) => (s.highlight.has(id) ? s.highlightTone : null));
  const mark = useUi((s) => s.diffMarks.get(id));
  // The label starts where busMapping.ts found a free span (after the 5 px left border).
  const style = { '--sys': `var(--sys-${data.system})`, height: BUS_HEIGHT, paddingLeft: data.labelX - 5 } as CSSProperties;
  return (
    <div
      className={`vp-bus${tone ? ` highlight-${tone}` : ''}${mark ? ` diff-${mark}` : ''}${badge?.error ? ' has-errors' : ''}`}
      style={style}
      data-testid={`node-${id}`}
      data-bus="true"
      data-kind={data.kind}
      data-diff={mark}
      data-errors={badge?.error ?? 0}
      data-warnings={badge?.warning ?? 0}
      title={`${data.name}${data.facts.length ? ` · ${data.facts.join(' · ')}` : ''}`}
    >
      <Handle type="target" position={Position.Top} id={TARGET_HANDLE_ID} className="vp-target" isConnectableStart={false} />
      {data.drops.map((d) => (
        <Handle
          key={d.edgeId}
          type="target"
          position={d.fromAbove ? Position.Top : Position.Bottom}
          id={dropHandleId(d.edgeId)}
          className="vp-drop-end"
          isConnectable={false}
          style={{ left: d.x, top: d.fromAbove ? 0 : BUS_HEIGHT - 1 }}
        />
      ))}
      <span className="vp-bus-name">{data.name}</span>
      {data.facts.map((f) => (
        <span key={f} className="vp-bus-fact">
          {f}
        </span>
      ))}
      {badge && (badge.error > 0 || badge.warning > 0) && (
        <span className="vp-bus-badge" data-testid={`badge-${id}`}>
          {badge.error > 0 && <span className="error">{badge.error}</span>}
          {badge.warning > 0 && <span className="warning">{badge.warning}</span>}
        </span>
      )}
    </div>
  );
}

export const BusNode = memo(BusNodeView);
