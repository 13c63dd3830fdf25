'use strict';
// The 网页版 (dist/web) served from this machine, as an intranet web server would, for the benches.
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

/** A server of the files under `root` (not yet listening). */
function webServer(root) {
  return http.createServer((req, res) => {
    const file = path.join(root, path.normalize(decodeURIComponent(req.url.split('?')[0])));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    fs.readFile(file, (err, body) =>
      err
        ? res.writeHead(404).end()
        : res
            .writeHead(200, {
              'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            })
            .end(body),
    );
  });
}

module.exports = { webServer };
