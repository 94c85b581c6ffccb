import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';

test('traces from a client to a VIP hop by hop on the canvas; a pod address of an overlay cluster is said plainly', async ({
  app,
  tracer,
  canvas,
  page,
}) => {
  await app.fresh();
  await openDesignFile(page, app);
  await tracer.open();
  // 192.168.49.10 is in dp-data-48's VIP pool: the client reaches it through the L3 switch.
  await tracer.trace({ element: IDS.clients }, { address: '192.168.49.10' });
  await expect(tracer.result()).toBeVisible();
  await expect(tracer.result()).toHaveAttribute('data-delivered', 'true');
  expect(await tracer.hops().count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('trace-hop-route').first()).toContainText('/');
  await expect(canvas.node(IDS.l3)).toHaveClass(/highlight-trace/);
  await app.screenshot('05-trace-client-to-vip');

  // Pods of an overlay cluster are not routable from outside: the tracer says so instead of a drop at a router.
  await tracer.trace({ element: IDS.clients }, { address: '100.96.1.5' });
  await expect(tracer.drop()).toHaveAttribute('data-reason', 'pods-not-routable');
  await expect(tracer.drop()).toContainText('not routable from outside the cluster');

  // A drop is shown with its reason.
  await tracer.trace({ element: IDS.clients }, { address: '203.0.113.9' });
  await expect(tracer.result()).toBeVisible();
});

test('traces clients to an app through the SE and a NodePort, and the reply back (kube-vip 3-network template)', async ({
  app,
  exports,
  tracer,
  canvas,
}) => {
  await app.fresh();
  await exports.openTemplate('seed000-3net-kubevip');
  await app.validated();
  await tracer.open();
  await tracer.trace({ element: 'clients' }, { element: 'vs-nginx' });
  await expect(tracer.result()).toHaveAttribute('data-delivered', 'true');
  await expect(tracer.result()).toHaveAttribute('data-replied', 'true');
  // Names, not ids, in the header.
  await expect(tracer.header()).toHaveText('clients (anywhere) (198.51.100.10) → nginx (192.168.49.0)');

  await expect(tracer.legs()).toHaveCount(4);
  await expect(tracer.legHops('forward', 1).first()).toHaveAttribute('data-element', 'se-group-default');
  await expect(tracer.legHops('forward', 1).first()).toContainText('Default-Group');
  await expect(tracer.legHops('forward', 1).first()).toContainText('VRF global');
  await expect(tracer.nat('forward', 1).first()).toHaveText(/SNAT 198\.51\.100\.10 → 192\.168\.48\.10/);
  await expect(tracer.legHops('forward', 1).filter({ hasText: 'NodePort 30000-32767' }).first()).toHaveAttribute('data-kind', 'node');

  // The reply: node → SE interface, then SE → client through the data VRF's default gateway.
  await expect(tracer.leg('reply', 0)).toHaveAttribute('data-delivered', 'true');
  await expect(tracer.leg('reply', 1)).toHaveAttribute('data-delivered', 'true');
  await expect(tracer.legHops('reply', 1).first()).toContainText('0.0.0.0/0 via 192.168.48.1');
  await expect(tracer.legHops('reply', 1).last()).toHaveAttribute('data-element', 'clients');
  await expect(canvas.node('se-group-default')).toHaveClass(/highlight-trace/);
  await app.screenshot('05-trace-through-the-load-balancer');
});
