/**
 * The real tools' reference data (`../shared/reference/`, beside the repository on CI too) and the
 * checkers built from it: TKG variable defaults, the AKO chart values, the TKC CRD and the Avi
 * swagger definitions, compiled with ajv as formats.md §1 describes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { templates } from '@viplane/templates';
import { exportConfigs, type ConfigExport } from '../../src/configs.ts';

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The repository root: the nearest ancestor whose package.json declares workspaces. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in (JSON.parse(readFileSync(pkg, 'utf8')) as object)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
}

export const REFERENCE_DIR = resolve(repoRoot(), '..', 'shared', 'reference');

export function referenceText(path: string): string {
  return readFileSync(join(REFERENCE_DIR, path), 'utf8');
}

/** TKG: every cluster-config variable and its default (ytt data values; the document after `---`). */
export function tkgDefaults(): Record<string, unknown> {
  const docs = parseAllDocuments(referenceText('tanzu-framework-v0.29.0/config_default.yaml'));
  const values = docs.map((d) => d.toJS() as unknown).find((v) => v !== null && typeof v === 'object');
  if (!values) throw new Error('config_default.yaml has no values document');
  return values as Record<string, unknown>;
}

/** AKO chart values.yaml (release-1.13.4). */
export function akoReferenceValues(): Record<string, unknown> {
  return parse(referenceText('ako-1.13.4/values.yaml')) as Record<string, unknown>;
}

interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean;
  [key: string]: unknown;
}

/** The TKC CRD's v1alpha2 openAPIV3Schema. */
export function tkcSchema(): JsonSchema {
  const crd = parse(referenceText('tanzu-framework-v0.29.0/run.tanzu.vmware.com_tanzukubernetesclusters.yaml')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: JsonSchema } }[] };
  };
  const v = crd.spec.versions.find((x) => x.name === 'v1alpha2');
  if (!v) throw new Error('no v1alpha2 in the TKC CRD');
  return v.schema.openAPIV3Schema;
}

export function tkcValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addFormat('int32', true);
  return ajv.compile(tkcSchema());
}

/**
 * Key names the CRD does not reject by itself (no additionalProperties: false): every key of the
 * manifest must be a property of the schema at its place; metadata takes the usual object keys.
 */
export function unknownKeys(value: unknown, schema: JsonSchema | undefined, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownKeys(v, schema?.items, `${path}[${i}]`));
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (path === '.metadata') {
      if (!['name', 'namespace', 'labels', 'annotations'].includes(key)) out.push(here);
      continue;
    }
    const prop = schema?.properties?.[key];
    if (!prop) out.push(here);
    else out.push(...unknownKeys(v, prop, here));
  }
  return out;
}

/** Swagger enums live only in description text (formats.md §1): lift them into `enum`, ranges into min/max. */
function tighten(schema: JsonSchema): void {
  if (schema.properties) {
    schema.additionalProperties = false;
    for (const prop of Object.values(schema.properties)) tighten(prop);
  }
  if (schema.items) tighten(schema.items);
  const text = schema.description ?? '';
  const en = /Enum options - (.*?)\.(?: |$)/.exec(text);
  if (en?.[1]) {
    const values = en[1].split(',').map((s) => s.trim());
    if (schema.type === 'string') schema.enum = values;
    else if (schema.type === 'array' && schema.items?.type === 'string') schema.items.enum = values;
  }
  const range = /Allowed values are (\d+)-(\d+)\./.exec(text);
  if (range && schema.type === 'integer') {
    schema.minimum = Number(range[1]);
    schema.maximum = Number(range[2]);
  }
}

const AVI_FILES = {
  network: 'Network',
  vrfcontext: 'VrfContext',
  ipamdnsproviderprofile: 'IpamDnsProviderProfile',
  serviceenginegroup: 'ServiceEngineGroup',
  cloud: 'Cloud',
} as const;
export type AviType = keyof typeof AVI_FILES;

/** ajv validators for the Avi objects, with enums, ranges and no unknown keys. */
export function aviValidators(): Record<AviType, ValidateFunction> {
  const out = {} as Record<AviType, ValidateFunction>;
  for (const [type, def] of Object.entries(AVI_FILES) as [AviType, string][]) {
    const swagger = JSON.parse(referenceText(`avi-30.2.1/${def}.json`)) as { definitions: Record<string, JsonSchema> };
    for (const d of Object.values(swagger.definitions)) tighten(d);
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    for (const f of ['int32', 'uint32', 'int64', 'uint64', 'float', 'double']) ajv.addFormat(f, true);
    out[type] = ajv.compile({ definitions: swagger.definitions, $ref: `#/definitions/${def}` });
  }
  return out;
}

/** A seed digest's fenced block (```yaml) that follows a heading, e.g. `### 6.1`. */
export function seedBlock(seed: string, heading: string): string {
  const text = readFileSync(join(repoRoot(), 'docs', 'seeds', `${seed}.md`), 'utf8');
  const at = text.indexOf(`\n${heading}`);
  if (at < 0) throw new Error(`docs/seeds/${seed}.md has no heading ${heading}`);
  const m = /```yaml\n([\s\S]*?)```/.exec(text.slice(at));
  if (!m?.[1]) throw new Error(`docs/seeds/${seed}.md ${heading}: no yaml block`);
  return m[1];
}

const cache = new Map<string, ConfigExport>();
/** The export of every template, computed once per test file. */
export function templateExports(): { id: string; result: ConfigExport }[] {
  return templates.map((t) => {
    let result = cache.get(t.id);
    if (!result) cache.set(t.id, (result = exportConfigs(t.build())));
    return { id: t.id, result };
  });
}

export function file(result: ConfigExport, path: string): string {
  const f = result.files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}; have ${result.files.map((x) => x.path).join(', ')}`);
  return f.content;
}

export function exportOf(id: string): ConfigExport {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return exportConfigs(t.build());
}

/** Parses a produced file by its extension (YAML files may hold several documents). */
export function parseFile(path: string, content: string): unknown[] {
  if (path.endsWith('.json')) return [JSON.parse(content) as unknown];
  if (path.endsWith('.yaml'))
    return parseAllDocuments(content).map((d) => {
      if (d.errors.length > 0) throw new Error(`${path}: ${d.errors[0]?.message}`);
      return d.toJS() as unknown;
    });
  return [];
}
