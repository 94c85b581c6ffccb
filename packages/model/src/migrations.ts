/**
 * Schema migrations: each step lifts a raw document by one version. restore() runs the chain
 * before the schema check, so old autosaves, share links and files keep opening.
 * Version 1 is the first published schema.
 */
import { SCHEMA_VERSION } from './schema/document.ts';

export interface Migration {
  from: number;
  /** Receives a plain JSON object of version `from`; returns one of version `from + 1`. */
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

export const migrations: readonly Migration[] = [
  {
    // 2 adds the `firewall` kind and router ACLs: every router gets an empty ACL (filters nothing),
    // so a version-1 design routes exactly as before.
    from: 1,
    up(raw) {
      const elements = Array.isArray(raw['elements']) ? (raw['elements'] as unknown[]) : raw['elements'];
      if (!Array.isArray(elements)) return raw;
      return {
        ...raw,
        elements: elements.map((e) => {
          if (e === null || typeof e !== 'object') return e;
          const el = e as Record<string, unknown>;
          const props = el['props'];
          if (el['kind'] !== 'router' || props === null || typeof props !== 'object' || Array.isArray(props) || 'acl' in props) return e;
          return { ...el, props: { ...(props as Record<string, unknown>), acl: [] } };
        }),
      };
    },
  },
];

export type MigrationResult =
  | { ok: true; raw: Record<string, unknown> }
  | { ok: false; message: string; value: unknown };

export function migrate(raw: Record<string, unknown>, chain: readonly Migration[] = migrations): MigrationResult {
  let version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, message: `schemaVersion must be an integer (this build reads up to ${SCHEMA_VERSION})`, value: version };
  }
  if (version > SCHEMA_VERSION || version < 1) {
    return {
      ok: false,
      message: `unsupported schemaVersion ${version}: this build of Viplane reads versions 1 to ${SCHEMA_VERSION}`,
      value: version,
    };
  }
  let current = raw;
  while (version < SCHEMA_VERSION) {
    const step = chain.find((m) => m.from === version);
    if (!step) return { ok: false, message: `no migration from schemaVersion ${version}`, value: version };
    current = { ...step.up(current), schemaVersion: version + 1 };
    version += 1;
  }
  return { ok: true, raw: current };
}
