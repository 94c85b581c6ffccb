/**
 * JSON text → value, with the line and column of a syntax error. Every file a user gives us
 * (CLI, import, drop on the canvas) goes through here before restore().
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function parseJsonText(text: string): JsonParseResult {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { ok: true, value };
  const before = text.slice(0, first.offset).split('\n');
  return {
    ok: false,
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    message: describe(printParseErrorCode(first.error)),
  };
}

function describe(code: string): string {
  // 'ValueExpected' -> 'value expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
