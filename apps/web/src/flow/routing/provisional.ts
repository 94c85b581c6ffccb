/**
 * The path a connector shows until the router has answered for its current positions (while its
 * element is dragged, or just after a load): React Flow's step path between the facing sides of
 * its two ends, the sides libavoid's routes leave by. It is orthogonal like the route that will
 * replace it, but avoids nothing.
 */
import { getSmoothStepPath, Position } from '@xyflow/react';
import type { Box, EdgeGeometry } from '../geometry.ts';

export function provisionalEdge(source: Box, target: Box): EdgeGeometry {
  const rightward = target.x + target.w / 2 >= source.x + source.w / 2;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: rightward ? source.x + source.w : source.x,
    sourceY: source.y + source.h / 2,
    sourcePosition: rightward ? Position.Right : Position.Left,
    targetX: rightward ? target.x : target.x + target.w,
    targetY: target.y + target.h / 2,
    targetPosition: rightward ? Position.Left : Position.Right,
    borderRadius: 8,
  });
  return { path, labelX, labelY };
}
