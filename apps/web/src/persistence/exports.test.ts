import { describe, expect, it } from 'vitest';
import { baseName, filenameFromDisposition, svgDataUrl } from './exports.ts';

describe('exports', () => {
  it('reads the file name from Content-Disposition', () => {
    expect(filenameFromDisposition('attachment; filename="seed-000-bundle.zip"')).toBe('seed-000-bundle.zip');
    expect(filenameFromDisposition('attachment; filename=plan.csv')).toBe('plan.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''r%C3%A9seau.html")).toBe('réseau.html');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
  it('slugs design names like the server', () => {
    expect(baseName('Seed 000 — 3 networks')).toBe('seed-000-3-networks');
    expect(baseName('***')).toBe('design');
  });
  it('encodes SVG into a data URL that decodes back', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>a#b%c</text></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(url).not.toContain('#');
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });
});
