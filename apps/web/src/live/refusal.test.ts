import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '@viplane/model';
import { describePath, refusalText } from './refusal.ts';

function design() {
  const b = new DesignBuilder({ name: 'Lab', environment: 'lab' });
  b.add('router', 'Core router');
  const controller = b.add('aviController', 'NSX ALB');
  b.add('seGroup', 'SE group A', { controllerId: controller });
  return b.build();
}

describe('refusal messages', () => {
  it('names the element by its name, then the field', () => {
    expect(describePath('/elements/2/props/labels', design())).toBe('“SE group A” labels');
    expect(describePath('/elements/9/name', design())).toBe('element 9 name');
    expect(describePath('/name', design())).toBe('name');
  });

  it('says what was not applied, why (rule and value) and what happens now', () => {
    const text = refusalText(
      {
        type: 'refused',
        what: 'update',
        message: 'the update was refused',
        errors: [
          { path: '/elements/2/props/labels', message: 'Expected array to have at most 32 items', value: 33 },
          { path: '/elements/0/name', message: 'Expected string', value: 1 },
        ],
      },
      design(),
    );
    expect(text).toBe(
      'Your last change was not applied — “SE group A” labels: Expected array to have at most 32 items (33) and 1 more. The design now shows the shared version.',
    );
  });
});
