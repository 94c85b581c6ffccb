// A worker for the pool tests: jobs that break its limits on purpose.
export default function run(job) {
  if (job.kind === 'allocate') {
    const hold = [];
    for (;;) hold.push(Array.from({ length: 1_000_000 }, (_, i) => i));
  }
  if (job.kind === 'spin') for (;;);
  return { echoed: job.kind };
}
