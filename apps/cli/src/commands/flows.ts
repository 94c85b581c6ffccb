/**
 * `viplane flows <file|-> [--format text|json]`: the flows a design needs, the firewall matrix and the
 * L2 requirements; `viplane flows --catalogue`: the vendor flow catalogue. Exit 1 when a required
 * flow is broken.
 */
import { catalogueEntries, designFlows, type DesignFlow, type DesignFlows } from '@viplane/validator';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { styler } from '../style.ts';

export const flowsCommand: Command = {
  async run(args, io) {
    if (args.catalogue) {
      if (args.positionals.length > 0) throw io.usage('flows --catalogue takes no design');
      const entries = catalogueEntries();
      if (args.format === 'json') io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else {
        const width = Math.max(...entries.map((e) => e.id.length));
        for (const e of entries)
          io.stdout.write(`${e.id.padEnd(width)}  ${e.requirement}  ${e.protocol} ${e.ports}  ${e.from} → ${e.to}  [${e.sources.join(', ')}]\n`);
      }
      return 0;
    }
    const source = args.positionals[0];
    if (!source) throw io.usage('flows needs a file (or - for stdin), or --catalogue');
    const document = await readDesign(source, io.stdin);
    const result = designFlows(document);
    if (args.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout.write(renderText(document.name, result, styler(io.stdout)));
    return result.flows.some((f) => f.requirement === 'required' && f.status === 'broken') ? 1 : 0;
  },
};

const ORDER: DesignFlow['status'][] = ['broken', 'routed', 'intra-segment', 'l2', 'unresolved'];

function renderText(name: string, r: DesignFlows, s: ReturnType<typeof styler>): string {
  const lines: string[] = [s('bold', `${name}: ${r.flows.length} flow(s), ${r.matrix.length} matrix row(s), ${r.l2.length} L2 requirement(s)`), ''];
  for (const status of ORDER) {
    const list = r.flows.filter((f) => f.status === status);
    if (list.length === 0) continue;
    lines.push(s(status === 'broken' ? 'red' : 'bold', `${status} (${list.length})`));
    for (const f of list) {
      const via = f.enforcementPoints.length > 0 ? ` via ${f.enforcementPoints.map((p) => p.name).join(' > ')}` : '';
      const why = f.reason ? ` — ${f.reason}` : '';
      lines.push(`  ${f.flowId}  ${f.source} → ${f.destination}  ${f.protocol} ${f.ports}  ${s('dim', f.requirement)}${via}${why}`);
    }
    lines.push('');
  }
  if (r.matrix.length > 0) {
    lines.push(s('bold', 'firewall matrix'));
    for (const m of r.matrix)
      lines.push(
        `  ${m.enforcementPoint}: ${m.source} [${m.sourceCidrs.join(', ')}] → ${m.destination} [${m.destinationCidrs.join(', ')}] ${m.protocol} ${m.ports}  ${m.requirement}  ${s('dim', `${m.purpose} (${m.vendorSource})`)}`,
      );
    lines.push('');
  }
  if (r.l2.length > 0) {
    lines.push(s('bold', 'L2 requirements'));
    for (const l of r.l2) lines.push(`  ${l.network}: ${l.requirement}  ${s('dim', `${l.purpose} (${l.vendorSource})`)}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
