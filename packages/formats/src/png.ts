/**
 * SVG -> PNG with resvg (Node only: a native addon). Kept out of the package's main entry so that
 * browser code never pulls it in: import it as `@viplane/formats/png`.
 *
 * Text is drawn with the machine's fonts (loadSystemFonts); the diagrams' font stack ends in
 * DejaVu Sans, which Debian's fonts-dejavu-core provides. Without any font the PNG is still made,
 * only without text.
 */
import { Resvg } from '@resvg/resvg-js';

export interface PngOptions {
  /** Output width in px; the height follows the SVG's aspect ratio. Default: twice the SVG's width. */
  width?: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fitTo =
    options.width !== undefined ? { mode: 'width' as const, value: Math.round(options.width) } : { mode: 'zoom' as const, value: 2 };
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
