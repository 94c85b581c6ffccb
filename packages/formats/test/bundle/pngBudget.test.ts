/** PNG diagrams within a pixel budget (issue 12): scaled down to fit, or skipped, and the README says which. */
import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { exportBundle } from '../../src/bundle/index.ts';
import { designDiagramSvg } from '../../src/diagrams/design.ts';
import { pngWithinBundleBudget, svgToPngWithin } from '../../src/png.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('PNG pixel budget', () => {
  const doc = getTemplate('seed000-3net-alb')!.build();
  const svg = designDiagramSvg(doc);
  const [w, h] = [/width="([\d.]+)"/, /height="([\d.]+)"/].map((re) => Number(re.exec(svg)![1])) as [number, number];

  it('renders at zoom 2 when it fits', () => {
    const out = svgToPngWithin(svg, { maxPixels: 4 * w * h + 10 });
    expect('png' in out && !out.note).toBe(true);
    if ('png' in out) expect(pngSize(out.png).width).toBe(Math.round(2 * w));
  });

  it('scales down to the budget and says so', () => {
    const budget = w * h; // zoom 1
    const out = svgToPngWithin(svg, { maxPixels: budget });
    if (!('png' in out)) throw new Error('expected a PNG');
    const size = pngSize(out.png);
    expect(size.width * size.height).toBeLessThanOrEqual(budget * 1.01);
    expect(out.note).toContain(String(budget));
  });

  it('skips a PNG that would be unreadable within the budget; the bundle README names it', async () => {
    expect(svgToPngWithin(svg, { maxPixels: 100 })).toMatchObject({ skipped: expect.stringContaining('100 pixels') });
    const bundle = await exportBundle(doc, { png: (s) => svgToPngWithin(s, { maxPixels: 100 }) });
    expect(bundle.files.some((f) => f.path.endsWith('.png'))).toBe(false);
    const readme = bundle.files.find((f) => f.path === 'README.md')!.content as string;
    expect(readme).toContain('## Notes');
    expect(readme).toContain('`diagrams/design.png` was not made');
    expect(readme).not.toContain('| `diagrams/design.png`');
  });

  it('a bundle budget bounds all diagrams together: once spent, the next PNG is skipped and the README says so', async () => {
    // Room for one diagram at zoom 2 and less than half of the next: every PNG after the first is smaller or skipped.
    const render = pngWithinBundleBudget({ perDiagram: 4 * w * h + 10, perBundle: 4 * w * h + 10 });
    const first = render(svg);
    if (!('png' in first)) throw new Error('expected the first PNG');
    expect(render(svg)).toHaveProperty('skipped');

    const bundle = await exportBundle(doc, { png: pngWithinBundleBudget({ perDiagram: 4 * w * h + 10, perBundle: 4 * w * h + 10 }) });
    const pngs = bundle.files.filter((f) => f.path.endsWith('.png'));
    const pixels = pngs.reduce((sum, f) => {
      const size = pngSize(f.content as Uint8Array);
      return sum + size.width * size.height;
    }, 0);
    expect(pixels).toBeLessThanOrEqual(4 * w * h + 10);
    expect(bundle.files.find((f) => f.path === 'README.md')!.content as string).toContain('## Notes');
  });
});
