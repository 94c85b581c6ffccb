/**
 * `npm start` runs this first: builds the web app when apps/web exists, so the server serves
 * the current build. Without apps/web it does nothing (the server then shows its "not built" page).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

if (!existsSync(`${root}apps/web/package.json`)) {
  console.log('viplane: apps/web does not exist yet; starting the API only');
} else {
  const result = spawnSync('npm', ['run', 'build', '-w', '@viplane/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('viplane: the web app build failed (see above); fix it or run the API alone: npx tsx apps/server/src/server.ts');
    process.exit(result.status ?? 1);
  }
}
