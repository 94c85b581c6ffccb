/**
 * POST /api/export says whether what it wrote has error findings (issue 11 §3): X-Viplane-Errors and
 * X-Viplane-Warnings count the validator's findings on the design and the format's own checks — the
 * same list report.md holds and `viplane export` exits 1 on.
 */
import { exportConfigs } from '@viplane/formats';
import { templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { describe, expect, it, vi } from 'vitest';
import { useMemoryApp } from './helper.ts';

vi.setConfig({ testTimeout: 60_000 });

const server = useMemoryApp();

const template = (id: string) => templates.find((t) => t.id === id)!.build();

describe('POST /api/export findings headers', () => {
  it('a clean template: the bundle with X-Viplane-Errors 0', async () => {
    const document = template('seed000-3net-alb');
    const res = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format: 'bundle', document } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-viplane-errors']).toBe('0');
    // The design's warnings and the export's own (placeholders for vSphere values the design does not hold).
    const warnings = [...validate(document), ...exportConfigs(document).diagnostics].filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => d.ruleId)).toContain('format/tkg-vsphere-value-missing');
    expect(Number(res.headers['x-viplane-warnings'])).toBe(warnings.length);
  });

  it('a design with an error found only at export before (endpoint = vCenter): the count says so, for the bundle and the TKG configs', async () => {
    const document = template('seed001-tkg-routable');
    const vcenter = document.elements.find((e) => e.kind === 'vcenter') as { props: { server: string } };
    const cl1 = document.elements.find((e) => e.kind === 'tkgCluster' && e.name === 'cl1') as {
      props: { endpoint: { address: string | null } };
    };
    cl1.props.endpoint.address = vcenter.props.server;
    const errors = validate(document).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.ruleId)).toContain('tkg/endpoint-is-vcenter');
    for (const format of ['bundle', 'tkg-cluster-config']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format, document } });
      expect(res.statusCode, format).toBe(200);
      expect(Number(res.headers['x-viplane-errors']), format).toBe(errors.length);
    }
  });
});
