/** `viplane trace <file> --from <element|address> --to <element|address> [--format json]`. */
import { lower, trace, type TraceEndpoint, type TraceResult } from '@viplane/validator';
import { ip as parseIpText } from './endpoint.ts';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { styler } from '../style.ts';
import type { TopologyDocument } from '@viplane/model';

export const traceCommand: Command = {
  async run(args, io) {
    const source = args.positionals[0];
    if (!source || !args.from || !args.to) throw io.usage('trace needs a file, --from and --to');
    const document = await readDesign(source, io.stdin);
    const from = endpoint(document, args.from, io.usage, args.vrf);
    const to = endpoint(document, args.to, io.usage);
    const result = trace(lower(document), from, to);
    if (args.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout.write(renderText(document, result, styler(io.stdout)));
    return result.delivered ? 0 : 1;
  },
};

/** An element id, an element name, or an IP address. */
function endpoint(document: TopologyDocument, text: string, usage: (m: string) => Error, vrf?: string): TraceEndpoint {
  const byId = document.elements.find((e) => e.id === text) ?? document.elements.find((e) => e.name === text);
  if (byId) return vrf ? { elementId: byId.id, vrf } : { elementId: byId.id };
  if (parseIpText(text)) return { address: text };
  throw usage(`"${text}" is neither an element id, an element name nor an IP address`);
}

function renderText(document: TopologyDocument, result: TraceResult, s: ReturnType<typeof styler>): string {
  const names = new Map(document.elements.map((e) => [e.id, e.name]));
  const lines = [`trace ${result.source} -> ${result.destination}`];
  result.hops.forEach((hop, i) => {
    const route = hop.route ? `  via ${hop.route.prefix}${hop.route.nextHop ? ` -> ${hop.route.nextHop}` : ''} (${hop.route.origin})` : '';
    const out = hop.egressNetworkId ? `  out on ${names.get(hop.egressNetworkId) ?? hop.egressNetworkId}` : '';
    lines.push(`${String(i + 1).padStart(3)}  ${hop.name}${hop.vrf ? ` [${hop.vrf}]` : ''}${route}${out}`);
  });
  if (result.delivered)
    lines.push(s('green', `delivered on ${names.get(result.deliveredOn?.networkId ?? '') ?? result.deliveredOn?.networkId ?? '?'}`));
  else lines.push(s('red', `dropped (${result.drop?.reason}): ${result.drop?.message}`));
  return `${lines.join('\n')}\n`;
}
