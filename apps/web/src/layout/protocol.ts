export interface LayoutRequest {
  requestId: number;
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}
export type LayoutResponse =
  { requestId: number; positions: Record<string, { x: number; y: number }> } | { requestId: number; error: string };
