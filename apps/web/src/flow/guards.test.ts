/**
 * performance.md §5.3: never subscribe a component to the whole nodes/edges arrays (the
 * Auxx-Ai #1707 guard). Canvas.tsx is the one place that hands the arrays to <ReactFlow>.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

const FORBIDDEN = [
  /\buseNodes\s*\(/,
  /\buseEdges\s*\(/,
  /useStore\(\s*\(?\s*\w+\s*\)?\s*=>\s*\w+\.(nodes|edges)\s*\)/,
  /useNodesState|useEdgesState/,
];

describe('canvas performance guards', () => {
  it('no component subscribes to the whole nodes or edges array', () => {
    const offenders = files(SRC).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
    });
    expect(offenders).toEqual([]);
  });

  it('nodeTypes and edgeTypes are module-level constants', () => {
    const canvas = readFileSync(join(SRC, 'flow', 'Canvas.tsx'), 'utf8');
    expect(canvas).toMatch(/^const nodeTypes = /m);
    expect(canvas).toMatch(/^const edgeTypes = /m);
    expect(readFileSync(join(SRC, 'flow', 'ElementNode.tsx'), 'utf8')).toMatch(/memo\(ElementNodeView\)/);
  });
});
