// The worker thread's entry (plain JavaScript: a fresh thread has no TypeScript loader). It
// registers tsx for this thread, then loads the jobs. Under `node --import tsx` the loader is
// inherited too; registering again is harmless.
import { register } from 'tsx/esm/api';

register();
const { runJob } = await import('./jobs.ts');

export default runJob;
