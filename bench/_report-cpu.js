'use strict';
// Preloaded (node -r) into a benchmarked child process: reports its own CPU time and peak resident
// memory on stderr at exit.
process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  process.stderr.write(
    `\ncpu-ms ${((userCPUTime + systemCPUTime) / 1000).toFixed(0)}\nmax-rss-mb ${(maxRSS / 1024).toFixed(0)}\n`,
  );
});
