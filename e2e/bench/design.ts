/**
 * Generated designs for the canvas benchmark: blocks of ten elements on a grid — seven port
 * groups and three routers with four interfaces each (so about 1.3 nic edges per element, like
 * performance.md §3.2's 1.45) — with real subnets and addresses, and one port group in seven
 * whose gateway lies outside its subnet, so error badges are drawn as in §3.2.
 */
import { DesignBuilder, type TopologyDocument } from '@viplane/model';

const SPACING_X = 280;
const SPACING_Y = 130;

export function generateDesign(size: number): TopologyDocument {
  const b = new DesignBuilder({ name: `Canvas benchmark ${size}` });
  const blocks = Math.ceil(size / 10);
  let count = 0;
  for (let k = 0; k < blocks && count < size; k++) {
    const nets: string[] = [];
    for (let j = 0; j < 7 && count < size; j++, count++) {
      const n = k * 7 + j;
      const subnet = `10.${(n >> 8) & 255}.${n & 255}.0/24`;
      const gateway = n % 7 === 3 ? `10.${((n >> 8) + 1) & 255}.${n & 255}.1` : `10.${(n >> 8) & 255}.${n & 255}.1`;
      nets.push(b.add('portGroup', `pg-${n}`, { vlan: (n % 4000) + 2, subnet, gateway }, { id: `pg-${n}` }));
    }
    for (let r = 0; r < 3 && count < size; r++, count++) {
      const router = b.add('router', `r-${k}-${r}`, {}, { id: `r-${k}-${r}` });
      for (let i = 0; i < 4; i++) {
        const net = nets[(r * 2 + i) % nets.length];
        if (!net) continue;
        const n = Number(net.slice(3));
        b.nic(router, net, { role: 'routed', address: `10.${(n >> 8) & 255}.${n & 255}.${2 + r}` });
      }
    }
  }
  const doc = b.build();
  // A square-ish grid in document order, so neighbours in the document are neighbours on screen.
  const columns = Math.ceil(Math.sqrt(doc.elements.length * (SPACING_Y / SPACING_X)) * 1.6);
  doc.elements.forEach((el, i) => {
    el.position = { x: (i % columns) * SPACING_X, y: Math.floor(i / columns) * SPACING_Y };
  });
  return doc;
}
