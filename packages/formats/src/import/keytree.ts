/**
 * Known-key trees for nested formats (AKO values, TKC manifests, acc-provision input). A tree is a
 * list of key patterns: `AKOSettings.clusterName`, `NetworkSettings.vipNetworkList[].cidr` (`[]` =
 * every item of a list), `spec.topology.nodePools[].labels.*` (`*` = any key: a free-form map).
 * `unknownKeys()` walks a parsed file and returns every key its format does not define, with the
 * message (and closest known key) that keys.ts gives TKG variables.
 */
import { unknownKeyMessage } from './keys.ts';
import type { KeyPath } from './source.ts';

export interface UnknownKey {
  /** Where it is in the file (`['NetworkSettings', 'vipNetworkList', 0, 'netwrkName']`). */
  key: KeyPath;
  value: unknown;
  message: string;
}

export class KeyTree {
  private readonly known: ReadonlySet<string>;
  private readonly children = new Map<string, string[]>();

  constructor(patterns: readonly string[]) {
    this.known = new Set(patterns);
    for (const p of patterns) {
      const { parent, last } = split(p);
      const list = this.children.get(parent);
      if (list) list.push(last);
      else this.children.set(parent, [last]);
    }
  }

  has(pattern: string): boolean {
    return this.known.has(pattern);
  }

  /** Is everything under `pattern` free-form (a map of any keys)? */
  isFree(pattern: string): boolean {
    return this.known.has(join(pattern, '*'));
  }

  /** Keys under `value` (found at `at`, whose pattern is `pattern`) that the tree does not define. */
  unknownKeys(value: unknown, format: string, at: KeyPath = [], pattern = ''): UnknownKey[] {
    const out: UnknownKey[] = [];
    this.walk(value, format, [...at], pattern, out);
    return out;
  }

  private walk(value: unknown, format: string, at: (string | number)[], pattern: string, out: UnknownKey[]): void {
    if (Array.isArray(value)) {
      const item = `${pattern}[]`;
      if (!this.children.has(item)) return;
      value.forEach((v, i) => this.walk(v, format, [...at, i], item, out));
      return;
    }
    if (!isRecord(value) || this.isFree(pattern)) return;
    for (const [key, v] of Object.entries(value)) {
      const child = join(pattern, key);
      if (this.known.has(child)) {
        if (this.children.has(child) || this.children.has(`${child}[]`)) this.walk(v, format, [...at, key], child, out);
        continue;
      }
      const shown = displayPath([...at, key]);
      const siblings = (this.children.get(pattern) ?? []).filter((s) => s !== '*').map((s) => displayPath([...at, s]));
      out.push({ key: [...at, key], value: v, message: unknownKeyMessage(shown, format, siblings) });
    }
  }
}

/** `NetworkSettings.vipNetworkList[0].cidr` */
export function displayPath(key: KeyPath): string {
  let s = '';
  for (const k of key) s += typeof k === 'number' ? `[${k}]` : s === '' ? k : `.${k}`;
  return s;
}

/**
 * The `extras` key for a value at `key`: its dotted path, cut before the first list index (a list
 * is kept whole at its own path, so the exporter can put it back where it was).
 */
export function extrasPath(key: KeyPath): { path: string; key: KeyPath } {
  const i = key.findIndex((k) => typeof k === 'number');
  const kept = i < 0 ? key : key.slice(0, i);
  return { path: kept.join('.'), key: kept };
}

/** The value at `key` in a parsed document (undefined when absent). */
export function valueAt(root: unknown, key: KeyPath): unknown {
  let v = root;
  for (const k of key) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isRecord(v) && typeof k === 'string') v = v[k];
    else return undefined;
  }
  return v;
}

/**
 * Every setting under `value` as `[key, value]`: scalars, lists (whole), empty maps, and maps the
 * tree calls free-form (whole). `pattern` is the tree pattern of `value`.
 */
export function leaves(tree: KeyTree, value: unknown, at: KeyPath = [], pattern = ''): [KeyPath, unknown][] {
  if (!isRecord(value) || Object.keys(value).length === 0 || (pattern !== '' && tree.isFree(pattern))) return [[at, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(tree, v, [...at, k], join(pattern, k)));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function split(pattern: string): { parent: string; last: string } {
  // `a[].b`: the parent is `a[]` (the list's items).
  const dot = pattern.lastIndexOf('.');
  return dot < 0 ? { parent: '', last: pattern } : { parent: pattern.slice(0, dot), last: pattern.slice(dot + 1) };
}
