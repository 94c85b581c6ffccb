/**
 * @viplane/model — the topology document: types, JSON Schema, restore() (the only way in),
 * migrations, defaults, and address math on `ip-address`. Pure: no DOM, no node:*.
 */
export * from './schema/common.ts';
export * from './schema/document.ts';
export { Label, VrfRoute } from './schema/avi.ts';
export { Link, NicRole } from './schema/link.ts';
export { FilterRule } from './schema/physical.ts';
export { referenceFields, readPath, networkKinds, nodeNetworkKinds, nicHolders, type ReferenceField, type NetworkKind } from './schema/references.ts';
export { restore, type RestoreResult, type RestoreError } from './restore.ts';
export { DOCUMENT_LIMITS, shortValue } from './inputScan.ts';
export { migrate, migrations, type Migration } from './migrations.ts';
export { defaultProps } from './defaults.ts';
export { kindInfo, systems, type SystemId } from './kinds.ts';
export { topologyJsonSchema } from './jsonSchema.ts';
export * from './address/index.ts';
export { DesignBuilder, type DesignMeta } from './builder.ts';
export { parseJsonText, type JsonParseResult } from './json.ts';
export * from './diff/index.ts';
