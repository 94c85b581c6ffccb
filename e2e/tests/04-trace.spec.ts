import { test, expect } from '../fixtures/fixtures.ts';
import { IDS, openDesignFile } from '../fixtures/seed000.ts';

test('traces from a client to a workload pod, hop by hop on the canvas', async ({ app, tracer, canvas, page }) => {
  await app.fresh();
  await openDesignFile(page, app);
  await tracer.open();
  await tracer.trace({ element: IDS.clients }, { address: '100.96.1.5' });
  await expect(tracer.result()).toBeVisible();
  await expect(tracer.hops().first()).toBeVisible();
  expect(await tracer.hops().count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('trace-hop-route').first()).toContainText('/');
  await expect(canvas.node(IDS.l3)).toHaveClass(/highlight-trace/);
  await app.screenshot('05-trace-client-to-pod');

  // A drop is shown with its reason.
  await tracer.trace({ element: IDS.clients }, { address: '203.0.113.9' });
  await expect(tracer.result()).toBeVisible();
});
