// Deliberately old dependencies: see ../README.md.
const http = require('http');
const _ = require('lodash');

const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(_.pick({ status: 'ok', path: req.url }, ['status'])));
});

server.listen(8080);
