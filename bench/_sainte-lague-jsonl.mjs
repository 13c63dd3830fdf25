// The `sainte-lague` package doing what `target-desk allocate --jsonl` does, in one process: one
// request per stdin line, one {"quotas": …} line per request on stdout. Run by allocate.js.
import sainteLague from 'sainte-lague';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
let out = '';
for (const line of input.split('\n')) {
  if (!line.trim()) continue;
  const req = JSON.parse(line);
  const votes = Object.fromEntries(req.units.map((u) => [u.id, u.weight]));
  const seats = sainteLague(votes, req.total, { draw: true });
  out += `${JSON.stringify({ quotas: Object.fromEntries(req.units.map((u) => [u.id, seats[u.id]])) })}\n`;
}
process.stdout.write(out);
