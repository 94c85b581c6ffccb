/**
 * SVG -> PNG with resvg (Node only: a native addon). Kept out of the package's main entry so that
 * browser code never pulls it in: import it as `@viplane/formats/png`.
 *
 * Text is drawn with the machine's fonts (loadSystemFonts); the diagrams' font stack ends in
 * DejaVu Sans, which Debian's fonts-dejavu-core provides. Without any font the PNG is still made,
 * only without text.
 */
import { Resvg } from '@resvg/resvg-js';
import { PNG_BUDGET, type PngOutcome } from './bundle/index.ts';

export type { PngOutcome };

export interface PngOptions {
  /** Output width in px; the height follows the SVG's aspect ratio. Default: twice the SVG's width. */
  width?: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fitTo =
    options.width !== undefined ? { mode: 'width' as const, value: Math.round(options.width) } : { mode: 'zoom' as const, value: 2 };
  return render(svg, fitTo);
}

export interface PngBudget {
  /** Pixels of the output image (width × height): the raster alone takes 4 bytes each, outside the JS heap. */
  maxPixels: number;
  /** Below this zoom the text is unreadable: the PNG is skipped instead (default 0.5). */
  minZoom?: number;
}

/** The SVG's size in CSS px from its root width/height (Viplane's diagrams always set them). */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * Zoom 2 (as svgToPng) when it fits `maxPixels`; otherwise the largest zoom that fits, down to
 * `minZoom`; beyond that no PNG. The size is read from the SVG text, so nothing is rasterised first.
 */
export function svgToPngWithin(svg: string, budget: PngBudget): PngOutcome {
  const size = svgSize(svg);
  if (!size) return { skipped: 'the SVG has no width and height to budget its PNG by' };
  const fits = Math.sqrt(budget.maxPixels / (size.width * size.height));
  const zoom = Math.min(2, fits);
  const minZoom = budget.minZoom ?? 0.5;
  const px = (z: number) => `${Math.round(size.width * z)}×${Math.round(size.height * z)} px`;
  if (zoom < minZoom)
    return {
      skipped: `at a readable zoom (${minZoom}) the diagram would be ${px(minZoom)}, over the budget of ${budget.maxPixels} pixels; use the SVG, which has every detail`,
    };
  const png = render(svg, { mode: 'zoom', value: zoom });
  return zoom < 2 ? { png, note: `scaled to zoom ${zoom.toFixed(2)} (${px(zoom)}) to stay within ${budget.maxPixels} pixels` } : { png };
}

function render(svg: string, fitTo: { mode: 'width' | 'zoom'; value: number }): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo,
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * The renderer for one bundle (server and CLI alike): each diagram within `perDiagram` pixels, all of
 * them within `perBundle` (a design with many SE groups has many routing diagrams). The raster lives
 * outside the JS heap, where a worker's heap cap does not reach, so this budget is what bounds it.
 */
export function pngWithinBundleBudget(budget: { perDiagram: number; perBundle: number } = PNG_BUDGET): (svg: string) => PngOutcome {
  let remaining = budget.perBundle;
  return (svg) => {
    if (remaining <= 0) return { skipped: `the bundle's PNGs already used the budget of ${budget.perBundle} pixels` };
    const outcome = svgToPngWithin(svg, { maxPixels: Math.min(budget.perDiagram, remaining) });
    if ('png' in outcome) {
      const view = new DataView(outcome.png.buffer, outcome.png.byteOffset, outcome.png.byteLength);
      remaining -= view.getUint32(16) * view.getUint32(20); // IHDR width × height
    }
    return outcome;
  };
}
