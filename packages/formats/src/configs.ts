/**
 * Deployment configuration exports (issue 5): the files a team feeds to the real tools — TKG cluster
 * configs, AKO values and AKODeploymentConfigs, NSX-ALB REST payloads, HAProxy OVA options and
 * Supervisor settings, TanzuKubernetesCluster manifests, NSX-T Policy API requests, acc-provision input.
 *
 *   exportConfigs(document)            -> { files: {path, content}[], diagnostics }
 *   exportConfigs(document, { only })  -> the same for some formats (`tkg`, `ako`, `avi`, ...)
 *
 * Every format module is a pure function of a ConfigContext built here once per export: the
 * document, its L3 view from the validator's lower() (networks, ranges, held addresses, clusters),
 * lookups, deterministic serialisers (sorted keys, every YAML string double-quoted) and a diagnostics
 * sink, and the pure helpers as `ctx.kit`: the modules import only types from this file, so there is
 * no import cycle. Diagnostics have
 * the validator's shape; their rule ids are `format/<format>-<check>` and stand for the checks the
 * real tools apply (shared/formats.md), which the validator's design rules do not repeat.
 *
 * Secrets never enter a document, so they never leave one: passwords, CA data and SSH keys are
 * written as `<PLACEHOLDER>` values (placeholder()), and scripts read credentials from the environment.
 */
import { stringify } from 'yaml';
import {
  compareDiagnostics,
  lower,
  type Diagnostic,
  type L3Address,
  type L3Model,
  type L3Network,
  type L3Range,
  type Severity,
  type Target,
} from '@viplane/validator';
import {
  formatIp,
  isParseError,
  parseCidr,
  parseIp,
  type Element,
  type ElementKind,
  type ElementOf,
  type Link,
  type ParsedCidr,
  type ParsedIp,
  type TopologyDocument,
} from '@viplane/model';
import { tkgConfigs } from './tkg/index.ts';
import { isPlaceholder, placeholder } from './placeholder.ts';
import { akoConfigs } from './ako/index.ts';
import { aviConfigs } from './avi/index.ts';
import { haproxyConfigs } from './haproxy/index.ts';
import { tkcConfigs } from './tkc/index.ts';
import { nsxtConfigs } from './nsxt/index.ts';
import { aciConfigs } from './aci/index.ts';

export interface ConfigFile {
  /** Relative, `/`-separated, e.g. `tkg/cl1.yaml`. */
  path: string;
  content: string;
}

export interface ConfigExport {
  /** Sorted by path. */
  files: ConfigFile[];
  /** The real tools' own checks on what was written (compareDiagnostics order). */
  diagnostics: Diagnostic[];
}

export const CONFIG_FORMATS = ['tkg', 'ako', 'avi', 'haproxy', 'tkc', 'nsxt', 'aci'] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

/** The server's export-format ids (apps/server formats/registry.ts PLANNED_FORMATS) -> module. */
export const CONFIG_FORMAT_IDS: Readonly<Record<string, ConfigFormat>> = {
  'tkg-cluster-config': 'tkg',
  'ako-values': 'ako',
  'avi-objects': 'avi',
  'haproxy-ovf': 'haproxy',
  tkc: 'tkc',
  'nsxt-policy': 'nsxt',
  'aci-provision': 'aci',
};

/** What every format module gets. */
export interface ConfigContext {
  document: TopologyDocument;
  /** The validator's L3 view of the document. */
  model: L3Model;
  /** The element with that id when it is of `kind`. */
  el<K extends ElementKind>(id: string | null | undefined, kind: K): ElementOf<K> | undefined;
  ofKind<K extends ElementKind>(kind: K): ElementOf<K>[];
  /** The network (port group, segment, client network) with that id. */
  network(id: string | null | undefined): L3Network | undefined;
  /** `nic` links of an element, in document order. */
  nics(fromId: string): Link[];
  /** Ranges declared by an element (port group, segment, workload network), from the L3 model. */
  rangesOwnedBy(ownerId: string): L3Range[];
  /** Ranges and held addresses on a network, from the L3 model. */
  rangesOn(networkId: string): L3Range[];
  addressesOn(networkId: string): L3Address[];
  /** Records a diagnostic; `targets` lead with the owning element. */
  report(ruleId: string, severity: Severity, message: string, targets: Target[], data?: Record<string, unknown>): void;
  /** YAML with sorted keys and every string double-quoted; `header` lines become `# ` comments. */
  yaml(value: unknown, header?: readonly string[]): string;
  /** Several YAML documents in one file, separated by `---`. */
  yamlDocuments(values: readonly unknown[], header?: readonly string[]): string;
  /** JSON with sorted keys, two-space indent, trailing newline. */
  json(value: unknown): string;
  /** Pure helpers (names, placeholders, addresses), here so modules need no runtime import of this file. */
  kit: typeof kit;
}

export { placeholder, PLACEHOLDER_PATTERN, isPlaceholder } from './placeholder.ts';

/** A file-name-safe form of a display name (`tkg-mgmt`, `Default-Group`, `gb_frontend`). */
export function fileSafe(name: string, fallback: string): string {
  const s = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 100);
  return s.length > 0 ? s : fallback;
}

/** A DNS-1123 label (lowercase, digits, `-`, at most 63), from a name or id. */
export function dnsLabel(name: string, fallback: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return s.length > 0 ? s : fallback;
}

export function target(el: { kind: ElementKind; id: string }): Target {
  return { kind: el.kind, id: el.id };
}

// ---------------------------------------------------------------------------------------------
// Address helpers (on @viplane/model's parser; nothing here throws)

export function ip(text: string | null | undefined): ParsedIp | null {
  if (text === null || text === undefined || text === '') return null;
  const parsed = parseIp(text);
  return isParseError(parsed) ? null : parsed;
}

export function cidr(text: string | null | undefined): ParsedCidr | null {
  if (text === null || text === undefined || text === '') return null;
  const parsed = parseCidr(text);
  return isParseError(parsed) ? null : parsed;
}

/** The network address of a CIDR as text (`192.168.48.0`), host bits cleared. */
export function networkAddress(c: ParsedCidr): string {
  return formatIp(c.family === 4 ? { family: 4, value: c.start } : { family: 6, value: c.start });
}

/** `192.168.48.0/22` with host bits cleared. */
export function canonicalCidr(c: ParsedCidr): string {
  return `${networkAddress(c)}/${c.prefixLength}`;
}

/** IPv4 prefix length as a dotted mask (`255.255.252.0`). */
export function dottedMask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 0xff).join('.');
}

export function ipAt(c: ParsedCidr, offset: number): string {
  return c.family === 4 ? formatIp({ family: 4, value: c.start + offset }) : formatIp({ family: 6, value: c.start + BigInt(offset) });
}

export function ipInCidr(a: ParsedIp, c: ParsedCidr): boolean {
  return a.family === c.family && a.value >= c.start && a.value <= c.end;
}

/** Addresses from `start` to `end` inclusive (0 when reversed or mixed families). */
export function rangeCount(start: ParsedIp, end: ParsedIp): number {
  if (start.family !== end.family || end.value < start.value) return 0;
  return start.family === 4 ? (end.value as number) - start.value + 1 : Number((end.value as bigint) - start.value + 1n);
}

/** The helpers format modules use, as one object (ConfigContext.kit). */
export const kit = {
  placeholder,
  isPlaceholder,
  fileSafe,
  dnsLabel,
  target,
  ip,
  cidr,
  networkAddress,
  canonicalCidr,
  dottedMask,
  ipAt,
  ipInCidr,
  rangeCount,
  formatIp,
} as const;

// ---------------------------------------------------------------------------------------------
// Serialisation

/** Recursively sorts object keys; arrays keep their (meaningful) order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

function comment(header: readonly string[] | undefined): string {
  return header && header.length > 0 ? header.map((l) => (l === '' ? '#' : `# ${l}`)).join('\n') + '\n' : '';
}

function yamlBody(value: unknown): string {
  return stringify(sortKeys(value), {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}

function makeYaml(value: unknown, header?: readonly string[]): string {
  return comment(header) + yamlBody(value);
}

function makeYamlDocuments(values: readonly unknown[], header?: readonly string[]): string {
  return comment(header) + values.map((v) => `---\n${yamlBody(v)}`).join('');
}

function makeJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Orchestration

type FormatModule = (ctx: ConfigContext) => ConfigFile[];

const MODULES: Record<ConfigFormat, FormatModule> = {
  tkg: tkgConfigs,
  ako: akoConfigs,
  avi: aviConfigs,
  haproxy: haproxyConfigs,
  tkc: tkcConfigs,
  nsxt: nsxtConfigs,
  aci: aciConfigs,
};

export function createConfigContext(document: TopologyDocument, diagnostics: Diagnostic[] = []): ConfigContext {
  const model = lower(document);
  const byKind = new Map<ElementKind, Element[]>();
  for (const el of document.elements) {
    let list = byKind.get(el.kind);
    if (!list) byKind.set(el.kind, (list = []));
    list.push(el);
  }
  const nicsByHost = new Map<string, Link[]>();
  for (const l of document.links) {
    if (l.kind !== 'nic') continue;
    let list = nicsByHost.get(l.from);
    if (!list) nicsByHost.set(l.from, (list = []));
    list.push(l);
  }
  const group = <T>(items: readonly T[], key: (item: T) => string | null) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const k = key(item);
      if (k === null) continue;
      let list = map.get(k);
      if (!list) map.set(k, (list = []));
      list.push(item);
    }
    return map;
  };
  const byOwner = group(model.ranges, (r) => r.ownerId);
  const rangesByNetwork = group(model.ranges, (r) => r.networkId);
  const addressesByNetwork = group(model.addresses, (a) => a.networkId);
  return {
    document,
    model,
    el<K extends ElementKind>(id: string | null | undefined, kind: K) {
      if (id === null || id === undefined) return undefined;
      const found = model.elements.get(id);
      return found?.kind === kind ? (found as ElementOf<K>) : undefined;
    },
    ofKind<K extends ElementKind>(kind: K) {
      return (byKind.get(kind) ?? []) as ElementOf<K>[];
    },
    network(id) {
      return id === null || id === undefined ? undefined : model.networkById.get(id);
    },
    nics(fromId) {
      return nicsByHost.get(fromId) ?? [];
    },
    rangesOwnedBy: (ownerId) => byOwner.get(ownerId) ?? [],
    rangesOn: (networkId) => rangesByNetwork.get(networkId) ?? [],
    addressesOn: (networkId) => addressesByNetwork.get(networkId) ?? [],
    report(ruleId, severity, message, targets, data = {}) {
      diagnostics.push({ ruleId, severity, message, data, targets });
    },
    yaml: makeYaml,
    yamlDocuments: makeYamlDocuments,
    json: makeJson,
    kit,
  };
}

/**
 * Runs every format module that applies to the design (a module with nothing to export returns no
 * files). Output is deterministic: the same document gives byte-identical files and diagnostics.
 */
export function exportConfigs(document: TopologyDocument, options: { only?: readonly ConfigFormat[] } = {}): ConfigExport {
  const diagnostics: Diagnostic[] = [];
  const ctx = createConfigContext(document, diagnostics);
  const files: ConfigFile[] = [];
  const seen = new Set<string>();
  for (const format of CONFIG_FORMATS) {
    if (options.only && !options.only.includes(format)) continue;
    for (const file of MODULES[format](ctx)) {
      // Two elements whose names sanitise alike must not overwrite each other.
      let path = file.path;
      for (let n = 2; seen.has(path); n++) path = file.path.replace(/(\.[a-z]+)?$/, `-${n}$1`);
      seen.add(path);
      files.push({ path, content: file.content });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: dedupe(diagnostics).sort(compareDiagnostics) };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.ruleId, d.severity, d.message, d.targets]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
