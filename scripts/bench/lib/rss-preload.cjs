// Preloaded (node -r) into a measured process when /usr/bin/time is missing: records the peak
// resident set size at exit into the file named by BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
