'use strict';
const http = require('http');
const ms = require('ms');

const startedAt = Date.now();

const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  if (req.url === '/healthz') {
    res.end(JSON.stringify({ status: 'ok', uptime: ms(Date.now() - startedAt) }));
    return;
  }
  res.end(JSON.stringify({ message: 'hello from clean-app' }));
});

server.listen(Number(process.env.PORT || 8080));
