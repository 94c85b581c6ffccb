/**
 * Reads the model's TypeBox schemas (plain JSON Schema objects at runtime) and decides which
 * widget edits each prop. One source of truth: a new field in packages/model shows up in the
 * inspector without touching the web app; special widgets exist only for structured lists.
 */
import { elementSchemas, referenceFields, type ElementKind } from '@viplane/model';

export interface JsonSchema {
  type?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
}

export type FieldSpec =
  | { type: 'ref'; targets: readonly ElementKind[] }
  | { type: 'cidr'; nullable: boolean }
  | { type: 'ip'; nullable: boolean }
  | { type: 'vlan' }
  | { type: 'int'; min: number; max: number; nullable: boolean }
  | { type: 'bool' }
  | { type: 'enum'; options: string[]; nullable: boolean }
  | { type: 'text'; maxLength: number }
  | { type: 'ranges' }
  | { type: 'routes' }
  | { type: 'filterRules'; prop: 'rules' | 'acl' }
  | { type: 'vrfs' }
  | { type: 'nodes' }
  | { type: 'loadBalancer' }
  | { type: 'networkSet' }
  | { type: 'list'; item: 'cidr' | 'ip' | 'text' }
  | { type: 'enumSet'; options: string[] }
  | { type: 'record' }
  | { type: 'object'; schema: JsonSchema; nullable: boolean }
  | { type: 'const'; value: unknown };

const CIDR_DESC = 'CIDR with host bits clear';
const IP_DESC = 'IPv4 or IPv6 address';
const VLAN_DESC = '802.1Q VLAN id';

export function propsSchema(kind: ElementKind): JsonSchema {
  return (elementSchemas[kind] as unknown as JsonSchema).properties!['props']!;
}

export function isRefPath(kind: ElementKind, path: string): readonly ElementKind[] | null {
  return (referenceFields[kind] ?? []).find((f) => f.path === path)?.targets ?? null;
}

export function classify(kind: ElementKind, path: string, key: string, schema: JsonSchema): FieldSpec {
  const refTargets = isRefPath(kind, path);
  if (refTargets) return { type: 'ref', targets: refTargets };
  if (key === 'ranges') return { type: 'ranges' };
  if (key === 'staticRoutes') return { type: 'routes' };
  if (path === 'rules' && kind === 'firewall') return { type: 'filterRules', prop: 'rules' };
  if (path === 'acl' && kind === 'router') return { type: 'filterRules', prop: 'acl' };
  if (key === 'vrfs') return { type: 'vrfs' };
  if (key === 'nodes' && kind === 'k8sCluster') return { type: 'nodes' };
  if (key === 'loadBalancer') return { type: 'loadBalancer' };
  if (key === 'usableNetworkIds') return { type: 'networkSet' };
  return classifySchema(schema, false);
}

function classifySchema(schema: JsonSchema, nullable: boolean): FieldSpec {
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((s) => s.type !== 'null');
    const isNullable = nullable || nonNull.length < schema.anyOf.length;
    if (nonNull.length > 0 && nonNull.every((s) => s.const !== undefined))
      return { type: 'enum', options: nonNull.map((s) => String(s.const)), nullable: isNullable };
    if (nonNull.length === 1) return classifySchema(nonNull[0]!, isNullable);
    if (nonNull[0]) return classifySchema(nonNull[0], isNullable);
  }
  if (schema.const !== undefined) return { type: 'const', value: schema.const };
  switch (schema.type) {
    case 'string':
      if (schema.description === CIDR_DESC) return { type: 'cidr', nullable };
      if (schema.description === IP_DESC) return { type: 'ip', nullable };
      return { type: 'text', maxLength: schema.maxLength ?? 256 };
    case 'integer':
    case 'number':
      if (schema.description === VLAN_DESC) return { type: 'vlan' };
      return { type: 'int', min: schema.minimum ?? 0, max: schema.maximum ?? 1_000_000, nullable };
    case 'boolean':
      return { type: 'bool' };
    case 'array': {
      const items = schema.items ?? {};
      if (items.anyOf && items.anyOf.every((s) => s.const !== undefined))
        return { type: 'enumSet', options: items.anyOf.map((s) => String(s.const)) };
      if (items.type === 'string')
        return { type: 'list', item: items.description === CIDR_DESC ? 'cidr' : items.description === IP_DESC ? 'ip' : 'text' };
      return { type: 'list', item: 'text' };
    }
    case 'object':
      if (schema.patternProperties) return { type: 'record' };
      return { type: 'object', schema, nullable };
  }
  return { type: 'text', maxLength: 256 };
}

/** A fresh value for an optional object (e.g. turning on routable pods): defaults by type. */
export function defaultFor(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) {
    const nonNull = schema.anyOf.filter((s) => s.type !== 'null');
    if (nonNull.length < schema.anyOf.length && nonNull[0]?.type !== 'object' && nonNull[0]?.type !== 'boolean') return null;
    return nonNull[0] ? defaultFor(nonNull[0]) : null;
  }
  if (schema.const !== undefined) return schema.const;
  switch (schema.type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      if (schema.patternProperties) return {};
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = defaultFor(s);
      return out;
    }
  }
  return null;
}
