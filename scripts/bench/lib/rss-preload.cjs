// Preloaded (node -r) into a measured process when /usr/bin/time is missing: records the peak
// resident set size and the CPU time at exit into the file named by BENCH_RSS_FILE, in GNU
// time's words (measure.mjs reads either).
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.BENCH_RSS_FILE,
    `Maximum resident set size (kbytes): ${usage.maxRSS}\n` +
      `User time (seconds): ${usage.userCPUTime / 1e6}\n` +
      `System time (seconds): ${usage.systemCPUTime / 1e6}\n`,
  );
});
