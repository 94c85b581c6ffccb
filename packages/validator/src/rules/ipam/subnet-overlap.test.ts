import { DesignBuilder } from '@viplane/model';
import { testRule } from '../../testing/ruleTester.ts';
import rule from './subnet-overlap.ts';
import { SEED000_DESIGNS, seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

/** Seed 000's three lab port groups plus one extra network. */
function lab(extra: { kind: 'portGroup' | 'nsxtSegment' | 'clientNetwork'; subnet: string; routingDomain?: string }) {
  const b = new DesignBuilder({ name: 'overlap' });
  b.add('portGroup', 'dp-mgmt-32', { subnet: '192.168.32.0/20', gateway: '192.168.32.1' });
  b.add('portGroup', 'dp-data-48', { subnet: '192.168.48.0/22', gateway: '192.168.48.1' });
  b.add('portGroup', 'dp-data-52', { subnet: '192.168.52.0/22', gateway: '192.168.52.1' });
  if (extra.kind === 'nsxtSegment') b.add('nsxtSegment', 'extra', { subnet: extra.subnet });
  else if (extra.kind === 'clientNetwork')
    b.add('clientNetwork', 'extra', { subnet: extra.subnet, routingDomain: extra.routingDomain ?? 'default' });
  else b.add('portGroup', 'extra', { subnet: extra.subnet, routingDomain: extra.routingDomain ?? 'default' });
  return b.build();
}

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d} (adjacent /20, /22, /22)`, doc: seed000(d).doc })),
    { name: 'seed 002 /24: one network, several ranges', doc: seed002One24().doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 001 segment and ALB management network', doc: seed001().doc },
    { name: 'seed 003 AKO lab', doc: seed003().doc },
    { name: 'adjacent network right after dp-data-52', doc: lab({ kind: 'portGroup', subnet: '192.168.56.0/22' }) },
    { name: 'same subnet in another routing domain', doc: lab({ kind: 'portGroup', subnet: '192.168.48.0/22', routingDomain: 'dmz-vrf' }) },
    { name: 'clients anywhere (no subnet)', doc: seed000('2-network').doc },
  ],
  invalid: [
    {
      name: 'an empty routing domain is the default domain: a /24 there nested inside dp-data-48',
      doc: lab({ kind: 'portGroup', subnet: '192.168.49.0/24', routingDomain: '' }),
      errors: [{ targets: ['dp-data-48', 'extra'], severity: 'error', data: { relation: 'contains', domain: 'default' } }],
    },
    {
      name: 'a /24 nested inside dp-data-48',
      doc: lab({ kind: 'portGroup', subnet: '192.168.49.0/24' }),
      errors: [{ targets: ['dp-data-48', 'extra'], severity: 'error', data: { relation: 'contains', domain: 'default' } }],
    },
    {
      name: 'the same subnet twice',
      doc: lab({ kind: 'portGroup', subnet: '192.168.52.0/22' }),
      errors: [{ targets: ['dp-data-52', 'extra'], data: { relation: 'equal' } }],
    },
    {
      name: 'a supernet spanning dp-data-48 and dp-data-52',
      doc: lab({ kind: 'portGroup', subnet: '192.168.48.0/21' }),
      errors: [{ targets: ['extra', 'dp-data-48'] }, { targets: ['extra', 'dp-data-52'] }],
    },
    {
      name: 'an NSX-T segment shares the default domain with the port groups',
      doc: lab({ kind: 'nsxtSegment', subnet: '192.168.40.0/24' }),
      errors: [{ targets: ['dp-mgmt-32', 'extra'] }],
    },
    {
      name: 'a client network overlapping a port group',
      doc: lab({ kind: 'clientNetwork', subnet: '192.168.44.0/22' }),
      errors: [{ targets: ['dp-mgmt-32', 'extra'] }],
    },
    {
      name: 'seed 000 2-network with dp-data-52 mistyped as dp-data-48',
      doc: withProps(seed000('2-network').doc, 'dp-data-52', { subnet: '192.168.48.0/22' }),
      errors: [{ targets: ['dp-data-48', 'dp-data-52'], data: { relation: 'equal' } }],
    },
  ],
});
