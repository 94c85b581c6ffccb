/**
 * OpenAPI 3.1 from the route schemas, served at /openapi.json, and Swagger UI at /docs. The
 * topology document's schema comes from @viplane/model (the one source of truth) and is
 * referenced wherever a route carries a document.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { topologyJsonSchema } from '@viplane/model';
import fp from 'fastify-plugin';
import { DOCUMENT_MARKER } from '../schemas.ts';

const DOCUMENT_REF = { $ref: '#/components/schemas/TopologyDocument' };

/** JSON Schema keywords that mean nothing inside an OpenAPI components section. */
function stripIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== '$id' && key !== '$schema')
      .map(([key, value]) => [key, stripIds(value)]),
  );
}

function replaceMarkers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceMarkers);
  if (node === null || typeof node !== 'object') return node;
  if ((node as Record<string, unknown>)[DOCUMENT_MARKER] === true) return DOCUMENT_REF;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replaceMarkers(value)]));
}

export default fp(
  async function openapiPlugin(fastify) {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Viplane API',
          version: '0.1.0',
          description:
            'Validate, trace, import and store load-balancer network designs for Kubernetes on vSphere. ' +
            'Design routes take a share token as `Authorization: Bearer <token>` (see apps/server/README.md).',
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A share token (view, comment or edit)' } },
        },
        tags: [
          { name: 'validation', description: 'Check and trace designs (stateless)' },
          { name: 'catalogue', description: 'Rules and templates' },
          { name: 'formats', description: 'Import and export' },
          { name: 'designs', description: 'Stored designs, versions and share links' },
          { name: 'comments', description: 'Comment threads on a stored design (read with any link, written with a comment or edit link)' },
          { name: 'health', description: 'Liveness and readiness' },
        ],
      },
      transformObject(documentObject) {
        if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
        const spec = replaceMarkers(documentObject.openapiObject) as typeof documentObject.openapiObject;
        spec.components = {
          ...spec.components,
          schemas: { ...spec.components?.schemas, TopologyDocument: stripIds(topologyJsonSchema()) as object },
        };
        return spec;
      },
    });
    await fastify.register(swaggerUi, { routePrefix: '/docs' });
    fastify.get('/openapi.json', { schema: { hide: true } }, () => fastify.swagger());
  },
  { name: 'viplane-openapi', fastify: '5.x' },
);
