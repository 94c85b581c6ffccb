/**
 * One TKG cluster config read as typed variables (formats.md §2.1): unknown keys are warnings with
 * the likely meant variable (and kept), credentials are dropped, `<PLACEHOLDER>` values count as
 * not given; the typed getters report a bad value with its key, value and what was expected.
 */
import { isParseError, parseCidr } from '@viplane/model';
import { unknownKeyMessage } from '../import/keys.ts';
import { shown, type FileReporter } from '../import/report.ts';
import { TKG_VARIABLES } from './variables.ts';
import { isPlaceholder } from '../placeholder.ts';
import { isRecord } from '../import/keytree.ts';

export type TkgValue = string | number | boolean | null;

/**
 * Variables the tanzu CLI and installer UI write that are not in v0.29.0's config_default.yaml:
 * TKG_HTTP_PROXY_ENABLED is written by the installer UI (seed 001's management.yaml has it).
 */
const CLI_VARIABLES = ['TKG_HTTP_PROXY_ENABLED'];
const KNOWN = [...TKG_VARIABLES, ...CLI_VARIABLES];
const KNOWN_SET = new Set(KNOWN);

/** Credentials and key material never enter a document (exports write placeholders for them). */
const SECRET = /(PASSWORD|USERNAME|_CA_DATA|CERT_DATA|KEY_DATA|SSH_AUTHORIZED_KEY|TOKEN|_SECRET)/;

/** Is this a TKG cluster config? A flat mapping whose keys are mostly TKG variables. */
export function looksLikeTkg(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.some((k) => !/^[A-Z][A-Z0-9_]*$/.test(k))) return false;
  return keys.filter((k) => KNOWN_SET.has(k)).length >= Math.max(1, Math.ceil(keys.length / 2));
}

export class TkgVariables {
  private readonly vars = new Map<string, TkgValue>();
  /** Keys whose value a getter (or the importer) reported as unusable: the field is unknown, not defaulted. */
  private readonly invalid = new Set<string>();

  constructor(
    raw: Record<string, unknown>,
    private readonly r: FileReporter,
  ) {
    const secrets: string[] = [];
    const placeholders: string[] = [];
    for (const [key, value] of Object.entries(raw)) {
      // `<VSPHERE_DATACENTER>`: a placeholder (Viplane's exports write them) says nothing.
      if (isPlaceholder(value) && !SECRET.test(key)) placeholders.push(key);
      else if (!KNOWN_SET.has(key)) {
        r.warning('import/unknown-key', unknownKeyMessage(key, 'TKG', KNOWN), { key: [key], value });
        this.vars.set(key, scalar(value));
      } else if (SECRET.test(key)) secrets.push(key);
      else this.vars.set(key, scalar(value));
    }
    if (placeholders.length > 0)
      r.info('import/placeholder', `placeholders left unknown: ${placeholders.join(', ')}`, { data: { keys: placeholders } });
    if (secrets.length > 0)
      r.info(
        'import/secret-dropped',
        `credentials not imported (a design never holds secrets; exports write placeholders): ${secrets.join(', ')}`,
        {
          data: { keys: secrets },
        },
      );
  }

  /** Every variable kept (known or not), as written. */
  entries(): IterableIterator<[string, TkgValue]> {
    return this.vars.entries();
  }

  keys(): string[] {
    return [...this.vars.keys()];
  }

  /** The file sets `key` to a value that cannot be used (an `import/bad-value` error was reported). */
  isBad(key: string): boolean {
    return this.invalid.has(key);
  }

  /** Reports `key`'s value as unusable, at its line and column; later reads see isBad(key). */
  bad(key: string, message: string, value: unknown, expected: string): void {
    this.invalid.add(key);
    this.r.error('import/bad-value', message, { key: [key], value, expected });
  }

  /** Present in the file, even empty. */
  has(key: string): boolean {
    return this.vars.has(key);
  }

  /** The value, `undefined` when absent or empty (ytt's "unset"). */
  get(key: string): TkgValue | undefined {
    const v = this.vars.get(key);
    return v === null || v === '' ? undefined : v;
  }

  str(key: string): string | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : String(v);
  }

  /** TKG takes YAML booleans and the strings "true"/"false" (seed 001 has both). */
  bool(key: string): boolean | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    if (v === true || (typeof v === 'string' && v.toLowerCase() === 'true')) return true;
    if (v === false || (typeof v === 'string' && v.toLowerCase() === 'false')) return false;
    this.bad(key, `${key} is ${shown(v)}; expected true or false`, v, 'true or false');
    return undefined;
  }

  count(key: string): number | undefined {
    const v = this.get(key);
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : /^\d+$/.test(String(v)) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 100_000) return n;
    this.bad(key, `${key} is ${shown(v)}; expected a whole number`, v, 'a whole number 0-100000');
    return undefined;
  }

  cidr(key: string): string | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (!isParseError(parseCidr(v))) return v;
    this.bad(key, `${key} is ${shown(v)}; expected a CIDR such as 172.16.128.0/21`, v, 'a CIDR (address/prefix)');
    return undefined;
  }
}

/** A value as the config holds it; a nested YAML value (AVI_LABELS as a map) as JSON text. */
function scalar(value: unknown): TkgValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export { isRecord };
