/**
 * Import diagnostics: the validator's one diagnostic shape (`{ruleId, severity, message, data,
 * targets}`) with `data` naming where in which file — `{file, line, column, key, value, expected}`.
 * Rule ids are `import/<problem>`; the messages lead with `file:line:column` like a compiler's.
 */
import type { Diagnostic, Severity, Target } from '@viplane/validator';
import type { KeyPath, Position } from './source.ts';

export interface ImportIssue {
  /** Key path in the file (`AVI_DATA_NETWORK_CIDR`, `spec.topology.controlPlane.replicas`). */
  key?: KeyPath;
  value?: unknown;
  /** What a valid value looks like. */
  expected?: string;
  targets?: Target[];
  data?: Record<string, unknown>;
}

/** Collects the diagnostics of one import run; each file reports through its own FileReporter. */
export class ImportReport {
  readonly diagnostics: Diagnostic[] = [];

  forFile(file: string, at: (path: KeyPath) => Position = () => ({ line: 1, column: 1 })): FileReporter {
    return new FileReporter(this, file, at);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

export class FileReporter {
  constructor(
    private readonly report: ImportReport,
    readonly file: string,
    private readonly at: (path: KeyPath) => Position,
  ) {}

  /** The same file's reporter with positions in another of its YAML documents (`---`). */
  forDocument(at: (path: KeyPath) => Position): FileReporter {
    return new FileReporter(this.report, this.file, at);
  }

  error(ruleId: string, message: string, issue: ImportIssue = {}): void {
    this.add('error', ruleId, message, issue);
  }
  warning(ruleId: string, message: string, issue: ImportIssue = {}): void {
    this.add('warning', ruleId, message, issue);
  }
  info(ruleId: string, message: string, issue: ImportIssue = {}): void {
    this.add('info', ruleId, message, issue);
  }

  /** A diagnostic at an explicit position (parse errors, which have no key). */
  atPosition(severity: Severity, ruleId: string, message: string, position: Position, data: Record<string, unknown> = {}): void {
    this.report.diagnostics.push({
      ruleId,
      severity,
      message: `${this.file}:${position.line}:${position.column}: ${message}`,
      data: { file: this.file, ...position, ...data },
      targets: [],
    });
  }

  private add(severity: Severity, ruleId: string, message: string, issue: ImportIssue): void {
    const position = this.at(issue.key ?? []);
    const data: Record<string, unknown> = { file: this.file, ...position, ...issue.data };
    if (issue.key && issue.key.length > 0) data['key'] = issue.key.join('.');
    if ('value' in issue) data['value'] = issue.value;
    if (issue.expected !== undefined) data['expected'] = issue.expected;
    this.report.diagnostics.push({
      ruleId,
      severity,
      message: `${this.file}:${position.line}:${position.column}: ${message}`,
      data,
      targets: issue.targets ?? [],
    });
  }
}

/** A value as the user wrote it, for messages: strings quoted, the rest as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}
