/** `viplane trace <file> --from <element|address> --to <element|address> [--format json]`. */
import { lower, tracePath, type PathHop, type PathTrace, type TraceEndpoint, type TraceLeg } from '@viplane/validator';
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
    const result = tracePath(lower(document), from, to);
    if (args.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout.write(renderText(result, styler(io.stdout)));
    // A broken reply is a dropped connection too.
    return result.delivered && result.replied !== false ? 0 : 1;
  },
};

/** An element id, an element name, or an IP address. */
function endpoint(document: TopologyDocument, text: string, usage: (m: string) => Error, vrf?: string): TraceEndpoint {
  const byId = document.elements.find((e) => e.id === text) ?? document.elements.find((e) => e.name === text);
  if (byId) return vrf ? { elementId: byId.id, vrf } : { elementId: byId.id };
  if (parseIpText(text)) return { address: text };
  throw usage(`"${text}" is neither an element id, an element name nor an IP address`);
}

type Style = ReturnType<typeof styler>;

function renderText(result: PathTrace, s: Style): string {
  const lines = [`trace ${result.sourceName} -> ${result.destinationName}`];
  for (const leg of result.legs) lines.push(...renderLeg(leg, s));
  if (!result.delivered) lines.push(s('red', `dropped (${result.drop?.reason}): ${result.drop?.message}`));
  else if (result.replied === false) lines.push(s('red', 'delivered, but the reply does not get back'));
  else lines.push(s('green', result.replied ? 'delivered, and the reply gets back' : 'delivered'));
  return `${lines.join('\n')}\n`;
}

function renderLeg(leg: TraceLeg, s: Style): string[] {
  const lines = [s('bold', `${leg.kind === 'reply' ? '<-' : '->'} ${leg.title}  (${leg.from} -> ${leg.to})`)];
  leg.hops.forEach((hop, i) => lines.push(...renderHop(hop, i + 1)));
  if (leg.drop)
    lines.push(s('red', `     dropped${leg.drop.hostName ? ` at ${leg.drop.hostName}` : ''} (${leg.drop.reason}): ${leg.drop.message}`));
  return lines;
}

function renderHop(hop: PathHop, n: number): string[] {
  const where = (ref: PathHop['ingress']) =>
    ref ? `${ref.networkName}${ref.address ? ` ${ref.address}` : ref.addressNote ? ` (${ref.addressNote})` : ''}` : '';
  const head = `${String(n).padStart(3)}  ${hop.elementName}${hop.vrf ? ` [VRF ${hop.vrf}]` : ''}${hop.routingDomain && hop.routingDomain !== 'default' ? ` {domain ${hop.routingDomain}}` : ''}`;
  const out = [head];
  if (hop.ingress) out.push(`       in  ${where(hop.ingress)}`);
  if (hop.route) out.push(`       via ${hop.route.prefix}${hop.route.nextHop ? ` -> ${hop.route.nextHop}` : ''} (${hop.route.origin})`);
  if (hop.egress) out.push(`       out ${where(hop.egress)}`);
  for (const nat of hop.nat ?? [])
    out.push(`       ${nat.kind.toUpperCase()} ${nat.from} => ${nat.to}${nat.pool ? ` (pool ${nat.pool})` : ''}`);
  if (hop.filter) out.push(`       filter ${filterText(hop.filter)}`);
  if (hop.note) out.push(`       ${hop.note}`);
  return out;
}

/** Rules counted from 1 as people count them; a reply passes by state, not by a rule. */
function filterText(f: NonNullable<PathHop['filter']>): string {
  if (f.established) return 'reply of an allowed connection: allowed by state';
  return `${f.ruleIndex === null ? 'default' : `rule ${f.ruleIndex + 1}`}: ${f.action}`;
}
