'use strict';
// Preloaded (node -r) into a benchmarked child process: reports its own CPU time on stderr at exit.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${((user + system) / 1000).toFixed(0)}\n`);
});
