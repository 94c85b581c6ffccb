/**
 * One colour pair per system (kinds.ts), shared by every diagram and by the web canvas: `stroke`
 * for borders, bars and headers (white text on it stays readable), `fill` for box backgrounds.
 */
import type { SystemId } from '@viplane/model';

export interface Colors {
  stroke: string;
  fill: string;
}

export const PALETTE: Record<SystemId, Colors> = {
  vsphere: { stroke: '#1d4e89', fill: '#e6eef8' },
  'nsx-alb': { stroke: '#c05621', fill: '#fdf0e4' },
  haproxy: { stroke: '#0f766e', fill: '#e0f2ef' },
  tkg: { stroke: '#2f855a', fill: '#e6f4ea' },
  tanzu: { stroke: '#6b46c1', fill: '#efe9fa' },
  nsxt: { stroke: '#4c51bf', fill: '#e9eafb' },
  aci: { stroke: '#0369a1', fill: '#e2f1fb' },
  physical: { stroke: '#4a5568', fill: '#eef1f5' },
  kubernetes: { stroke: '#b83280', fill: '#fbeaf3' },
};

/** Neutral ink and lines. */
export const INK = {
  text: '#1a202c',
  muted: '#5a6678',
  faint: '#8a94a6',
  line: '#a0aec0',
  grid: '#e2e8f0',
  zebra: '#f7f9fb',
  warn: '#b7791f',
} as const;
