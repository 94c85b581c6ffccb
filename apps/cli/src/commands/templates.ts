/** `viplane templates [--format json]` and `viplane templates show <id>`. */
import { templates, getTemplate } from '@viplane/templates';
import type { Command } from './command.ts';

export const templatesCommand: Command = {
  async run(args, io) {
    if (args.positionals[0] === 'show') {
      const id = args.positionals[1];
      if (!id) throw io.usage('templates show needs a template id (see `viplane templates`)');
      const template = getTemplate(id);
      if (!template) throw io.usage(`no template "${id}"; known: ${templates.map((t) => t.id).join(', ')}`);
      io.stdout.write(`${JSON.stringify(template.build(), null, 2)}\n`);
      return 0;
    }
    if (args.positionals.length > 0) throw io.usage(`unknown templates subcommand "${args.positionals[0]}"`);
    if (args.format === 'json') {
      io.stdout.write(
        `${JSON.stringify(
          templates.map((t) => ({ id: t.id, title: t.title, seed: t.seed })),
          null,
          2,
        )}\n`,
      );
    } else {
      const width = Math.max(...templates.map((t) => t.id.length));
      for (const t of templates) io.stdout.write(`${t.id.padEnd(width)}  seed ${t.seed}  ${t.title}\n`);
    }
    return 0;
  },
};
