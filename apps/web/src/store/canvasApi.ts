/** What the canvas exposes to commands outside React (set by <Canvas/> while mounted). */
import type { Position } from '@viplane/model';

export interface CanvasApi {
  viewportCenter(): Position;
  fitAll(): void;
  /** A freshly loaded design: all of it, or for a large one its first elements at editing zoom. */
  showLoaded(): void;
  fitNodes(ids: string[]): void;
  zoomIn(): void;
  zoomOut(): void;
}

export const canvasApi: { current: CanvasApi | null } = { current: null };
