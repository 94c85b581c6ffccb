/** The published JSON Schema of the topology document (TypeBox schemas are JSON Schema). */
import { TopologyDocument } from './schema/document.ts';

export function topologyJsonSchema(): Record<string, unknown> {
  // JSON round trip drops TypeBox's symbol keys, leaving plain draft-07-compatible JSON Schema.
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(TopologyDocument)) };
}
