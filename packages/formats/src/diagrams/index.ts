/** Diagrams as SVG text: pure string output, safe in the browser (the canvas renders the same SVG). */
export { routingDiagram, routingDiagramSvg, routingHosts, type Diagram, type RoutingHost } from './routing.ts';
export { designDiagram, designDiagramSvg } from './design.ts';
export { escapeXml } from './xml.ts';
export { PALETTE, INK, type Colors } from './palette.ts';
export { FONT_FAMILY, textWidth, type Box, type Segment } from './svg.ts';
