/** What the canvas exposes to commands outside React (set by <Canvas/> while mounted). */
import type { Position } from '@viplane/model';

export interface CanvasApi {
  viewportCenter(): Position;
  fitAll(): void;
  /** A freshly loaded design: all of it, or for a large one its first elements at editing zoom. */
  showLoaded(): void;
  fitNodes(ids: string[]): void;
  /** Centres the view on a flow point at the current zoom (a comment pinned there). */
  panTo(p: Position): void;
  zoomIn(): void;
  zoomOut(): void;
}

export const canvasApi: { current: CanvasApi | null } = { current: null };
