/** `viplane rules [--format json]`: the rule catalogue. */
import { rules } from '@viplane/validator';
import type { Command } from './command.ts';
import { styler } from '../style.ts';

export const rulesCommand: Command = {
  async run(args, io) {
    const list = [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
    if (args.format === 'json') {
      const json = list.map((r) => ({
        id: r.meta.id,
        severity: r.meta.severity,
        category: r.meta.category,
        description: r.meta.description,
      }));
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const s = styler(io.stdout);
      const width = Math.max(...list.map((r) => r.meta.id.length));
      for (const r of list) io.stdout.write(`${r.meta.id.padEnd(width)}  ${s('dim', r.meta.severity.padEnd(7))}  ${r.meta.description}\n`);
    }
    return 0;
  },
};
