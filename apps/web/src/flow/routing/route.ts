/**
 * One batch of connectors routed by libavoid (Adaptagrams' connector router, compiled to WASM by
 * libavoid-js): orthogonal routes around fixed obstacles, parallel segments nudged apart.
 *
 * Why libavoid and not ELK: ELK's orthogonal routing belongs to its layered algorithm, which
 * places the nodes itself (its interactive strategies still reassign coordinates), and its
 * `fixed` algorithm keeps positions but routes nothing; elkjs has no router for a user's own
 * placement. libavoid is made for exactly that: diagram editors with user-placed shapes.
 *
 * A fresh router per batch, fed in id order, makes a route a pure function of the request (same
 * positions, same routes), and keeps each batch's cost bounded by its obstacles, not the design.
 */
import { labelRect, labelSize, placeLabel } from './labels.ts';
import { isOrthogonal, simplify, type Pt, type Rect } from './geometry.ts';
import type { ConnectorEnd, RouteRequest, RoutedConnector } from './protocol.ts';

/** The part of libavoid-js's API used here (its own typings do not resolve under `exports`). */
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface AvoidApi {
  Router: new (flags: number) => any;
  Point: new (x: number, y: number) => any;
  Rectangle: new (topLeft: any, bottomRight: any) => any;
  ShapeRef: new (router: any, poly: any) => any;
  ShapeConnectionPin: new (
    shape: any,
    classId: number,
    xOffset: number,
    yOffset: number,
    proportional: boolean,
    insideOffset: number,
    dirs: number,
  ) => any;
  ConnEnd: new (a: any, classId?: number) => any;
  ConnRef: new (router: any, src: any, dst: any) => any;
  destroy(obj: any): void;
  OrthogonalRouting: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  segmentPenalty: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
  nudgeSharedPathsWithCommonEndPoint: number;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Clearance kept round every obstacle (a bus gap of GAP stays GAP - 2 * BUFFER wide). */
export const BUFFER = 8;
const PIN_CLASS = 1;

export function routeConnectors(A: AvoidApi, request: RouteRequest): RoutedConnector[] {
  const router = new A.Router(A.OrthogonalRouting);
  try {
    router.setRoutingParameter(A.shapeBufferDistance, BUFFER);
    router.setRoutingParameter(A.idealNudgingDistance, 10);
    // A bend costs as much as 40 px of length: fewer, longer segments.
    router.setRoutingParameter(A.segmentPenalty, 40);
    router.setRoutingOption(A.nudgeOrthogonalSegmentsConnectedToShapes, true);
    router.setRoutingOption(A.nudgeSharedPathsWithCommonEndPoint, true);
    const shapes = new Map<string, unknown>();
    for (const o of [...request.obstacles].sort(byId)) {
      const shape = new A.ShapeRef(router, new A.Rectangle(new A.Point(o.x, o.y), new A.Point(o.x + o.w, o.y + o.h)));
      if (o.element) {
        // Connectors leave an element by the middle of its left or right side: its top and
        // bottom belong to its interface drops in the network view.
        // Pins are exclusive by default (one connector each): these are shared, the nudging
        // spreads the connectors that leave by the same side.
        for (const [x, dir] of [
          [0, A.ConnDirLeft],
          [1, A.ConnDirRight],
        ] as const)
          new A.ShapeConnectionPin(shape, PIN_CLASS, x, 0.5, true, 0, dir).setExclusive(false);
        shapes.set(o.id, shape);
      }
    }
    const end = (e: ConnectorEnd) => {
      if ('point' in e) return new A.ConnEnd(new A.Point(e.point.x, e.point.y));
      const shape = shapes.get(e.shape);
      return shape ? new A.ConnEnd(shape, PIN_CLASS) : null;
    };
    const connectors = [...request.connectors].sort(byId);
    const refs = connectors.map((c) => {
      const s = end(c.source);
      const t = end(c.target);
      return s && t && !sameShape(c.source, c.target) ? new A.ConnRef(router, s, t) : null;
    });
    router.processTransaction();
    const blocked: Rect[] = [...request.obstacles, ...request.taken];
    return connectors.map((c, i) => {
      const ref = refs[i];
      const points: Pt[] = [];
      if (ref) {
        const line = ref.displayRoute();
        for (let k = 0; k < line.size(); k++) {
          const p = line.get_ps(k);
          points.push({ x: p.x, y: p.y });
        }
      }
      // No way round (an end shut in): libavoid answers the straight line, which is no route.
      const route = isOrthogonal(simplify(points)) ? simplify(points) : [];
      let label: Pt | null = null;
      if (c.label && route.length > 1) {
        const size = labelSize(c.label);
        label = placeLabel(route, size, blocked);
        if (label) blocked.push(labelRect(label, size));
      }
      return { id: c.id, points: route, label };
    });
  } finally {
    // Deletes the router's shapes and connectors with it.
    A.destroy(router);
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sameShape = (a: ConnectorEnd, b: ConnectorEnd) => 'shape' in a && 'shape' in b && a.shape === b.shape;
