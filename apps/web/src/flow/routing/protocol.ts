/** Messages between the canvas and the connector router worker (router.worker.ts). */
import type { Obstacle } from './obstacles.ts';
import type { Pt, Rect } from './geometry.ts';

/** A connector end: an element's box (an obstacle of the request), or a fixed point (on a bus). */
export type ConnectorEnd = { shape: string } | { point: Pt };

export interface ConnectorSpec {
  id: string;
  source: ConnectorEnd;
  target: ConnectorEnd;
  /** Text drawn on the connector, if any: it gets a place on the route. */
  label: string | null;
}

export interface RouteRequest {
  requestId: number;
  obstacles: Obstacle[];
  connectors: ConnectorSpec[];
  /** Labels of connectors routed earlier, near this batch: new labels keep off them. */
  taken: Rect[];
}

export interface RoutedConnector {
  id: string;
  /** Orthogonal polyline from source to target; empty when libavoid found no route. */
  points: Pt[];
  /** The label's centre, null when it has no label or no free place. */
  label: Pt | null;
}

export type RouteResponse = { requestId: number; routes: RoutedConnector[]; ms: number } | { requestId: number; error: string };
