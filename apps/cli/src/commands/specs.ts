/**
 * What `viplane` knows about each command before loading it: name, usage, help text and the options
 * it accepts. main.ts parses and answers `--help` from this table alone and imports the command's
 * module only to run it, so `viplane validate` never loads the exporters or importers (and the
 * bundle keeps each command in its own chunk; scripts/build.mjs).
 */
import type { Command } from './command.ts';
import { IMPORT_FORMATS } from '@viplane/formats/import-formats';

export type OptionName = 'format' | 'from' | 'to' | 'vrf' | 'out' | 'into';
/** Options without a value. */
export type FlagName = 'catalogue' | 'fix' | 'dry-run';

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  /** Lines of `viplane help <command>` after the usage: arguments, options, output, exit codes. */
  details: readonly string[];
  /** The options this command accepts (each takes a value); anything else is a usage error. */
  options: readonly OptionName[];
  flags?: readonly FlagName[];
  load(): Promise<Command>;
}

const FORMAT = '  --format text|json    text for people (default), json for tools';
const EXIT_CHECK = 'exit codes: 0 no error findings, 1 error findings, 2 unusable input (message on stderr)';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    usage: 'validate <file|-> [--format text|json] [--fix [--out file] [--dry-run]]',
    summary: 'check a design against every rule (--fix: apply the quick fixes)',
    details: [
      'Reads a topology document (a file, or - for stdin) and prints every finding on stdout.',
      FORMAT,
      '                        json: {"diagnostics":[{ruleId,severity,message,data,targets}]}',
      '  --fix                 apply every quick fix that is unambiguous (a finding offering exactly one),',
      '                        one at a time, validating again after each, until none is left; a fix that',
      '                        would add an error or leaves its finding is undone and reported. Prints what',
      '                        was fixed (rule, target, fix) and what remains, and writes the design back',
      '                        (a file only when something was fixed; stdin needs --out).',
      '                        json: {fixed:[{ruleId,targets,title,changes}],notFixed:[{ruleId,targets,titles,reason}],',
      '                        diagnostics:[...],written,capped}',
      '  --out file            with --fix: write the fixed design there instead',
      '  --dry-run             with --fix: print what would be fixed, write nothing',
      `${EXIT_CHECK}; with --fix, of the fixed design`,
    ],
    options: ['format', 'out'],
    flags: ['fix', 'dry-run'],
    load: async () => (await import('./validate.ts')).validateCommand,
  },
  {
    name: 'trace',
    usage: 'trace <file|-> --from <element|address> --to <element|address> [--vrf name] [--format text|json]',
    summary: 'follow a packet hop by hop, through the load balancer to the backend and back',
    details: [
      'Follows a packet through the design hop by hop; each hop names the element, the interfaces, the VRF, the',
      'route it uses and any address translation (stdout). To a VIP it follows the load balancer to the node',
      '(NodePort, NodePortLocal, API server) or the pod, and the reply legs back to the client.',
      '  --from, --to          an element id, an element name or an IP address',
      '  --vrf name            the VRF the packet starts in (when --from is a multi-VRF element)',
      FORMAT,
      'exit codes: 0 delivered (and the reply gets back), 1 dropped or the reply is broken, 2 unusable input (message on stderr)',
    ],
    options: ['from', 'to', 'vrf', 'format'],
    load: async () => (await import('./trace.ts')).traceCommand,
  },
  {
    name: 'rules',
    usage: 'rules [--format text|json]',
    summary: 'list every rule with its severity',
    details: [
      'Lists the rule catalogue on stdout.',
      FORMAT,
      '                        json: [{id,severity,category,description}]',
      'exit codes: 0',
    ],
    options: ['format'],
    load: async () => (await import('./rules.ts')).rulesCommand,
  },
  {
    name: 'flows',
    usage: 'flows <file|-> [--format text|json] | flows --catalogue [--format text|json]',
    summary: 'the flows a design needs, traced: the firewall matrix per router/firewall and the L2 requirements',
    details: [
      'Derives every vendor flow the design needs (FLOWS.md), traces each through the design and prints them by',
      'status (routed, intra-segment, broken, L2, unresolved), then the firewall matrix per enforcement point',
      'and the L2 requirements (stdout). --catalogue lists the flow catalogue instead.',
      FORMAT,
      '                        json: {flows:[...], matrix:[...], l2:[...]} (--catalogue: [{id,system,from,to,...}])',
      'exit codes: 0 every required flow passes, 1 a required flow is broken (no route or denied), 2 unusable input',
    ],
    options: ['format'],
    flags: ['catalogue'],
    load: async () => (await import('./flows.ts')).flowsCommand,
  },
  {
    name: 'templates',
    usage: 'templates [--format text|json] | templates show <id>',
    summary: "list the seeds' reference designs, or print one as a topology document",
    details: [
      'Lists the reference designs, or prints one (templates show <id>) as a topology document on stdout.',
      FORMAT,
      'exit codes: 0, 2 unknown template or subcommand (message on stderr)',
    ],
    options: ['format'],
    load: async () => (await import('./templates.ts')).templatesCommand,
  },
  {
    name: 'export',
    usage: 'export <file|-> --out <dir|file.zip>',
    summary: 'write the deployment bundle: configs, diagrams, address plan, report',
    details: [
      'Writes the deployment bundle (configs, SVG and PNG diagrams, address plan, report, topology.json,',
      'README) into a directory, or into one zip file when --out ends in .zip.',
      '  --out dir|file.zip    where to write (a directory is created when missing)',
      'stdout: what was written and the count of findings; stderr: the error findings.',
      'exit codes: 0 written without error findings, 1 written but the design has error findings,',
      '            2 unusable input or target (message on stderr)',
    ],
    options: ['out'],
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'handoff',
    usage: 'handoff <file|-> --out <dir|file.zip>',
    summary: 'write the network handoff: VLANs, subnets, ranges, routes, DNS, firewall matrix (md, html, csv, xlsx, NetBox)',
    details: [
      'Writes what the network team acts on, from the design alone: VLANs/port groups, subnets with gateways,',
      'DHCP scopes and reserved ranges, who holds each address, routes, DNS records and delegations, the',
      'firewall matrix per enforcement point and L2 requirements, as handoff.md, handoff.html, csv/*.csv,',
      'handoff.xlsx and netbox/*.csv (NetBox bulk import) into a directory, or one zip when --out ends in .zip.',
      '  --out dir|file.zip    where to write (a directory is created when missing)',
      'exit codes: 0 written, 2 unusable input or target (message on stderr)',
    ],
    options: ['out'],
    load: async () => (await import('./handoff.ts')).handoffCommand,
  },
  {
    name: 'import',
    usage: `import <auto|${IMPORT_FORMATS.join('|')}> <files...> [--out file] [--into design.json] [--format text|json]`,
    summary: 'turn TKG configs, AKO values, TKC manifests, acc-provision input into a design and check it',
    details: [
      'Reads TKG cluster configs, AKO values, TKC manifests, acc-provision input (or a topology.json or',
      'bundle zip) into one design and validates it.',
      '  --out file            write the design there; the report goes to stdout',
      '                        (without --out the design goes to stdout and the report to stderr)',
      '  --into design.json    merge into this design',
      '  --format json         stdout gets {document, importDiagnostics, diagnostics}',
      'When nothing can be imported, the report goes to stderr (text) and stdout stays empty.',
      'exit codes: 0 clean, 1 import or design errors (the design is still written), 2 nothing usable',
    ],
    options: ['out', 'into', 'format'],
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'diff',
    usage: 'diff <a|-> <b|-> [--format text|json]',
    summary: 'what changed between two designs, and which problems it added or fixed',
    details: [
      'Compares two topology documents (one of them may be - for stdin) element by element: fields changed',
      '(addresses, CIDRs, ranges and routes compared as values), elements and links added or removed, moves',
      'apart from meaning, and the diagnostics the change introduced and resolved (stdout).',
      FORMAT,
      'exit codes: 0 the same design (layout included), 1 different, 2 unusable input (message on stderr)',
    ],
    options: ['format'],
    load: async () => (await import('./diff.ts')).diffCommand,
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
