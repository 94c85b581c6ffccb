/**
 * @viplane/sync — the topology document as a Yjs shared document, and the live-session wire protocol.
 * Pure: no DOM, no node:*. The server, the web app and the tests use the same mapping.
 */
export {
  shared,
  isEmpty,
  writeDocument,
  writeChanges,
  readDocument,
  rawDocument,
  createSharedDocument,
  type SharedDesign,
  type ReadResult,
} from './document.ts';
export { toShared, fromShared, jsonEqual, type Json } from './values.ts';
export * from './protocol.ts';
export * from './presence.ts';
