// A loopback HTTP proxy that speaks CONNECT (the way undici's ProxyAgent and corporate proxies
// tunnel) and records each tunnel's target. Every tunnel is joined to `upstream` whatever host it
// names, so a client can be pointed at a name like api.github.test that resolves nowhere: proof
// that the request went through the proxy, not around it.
import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface ConnectProxy {
  url: string
  /** `host:port` of each CONNECT, in order. */
  tunnels: string[]
  close(): Promise<void>
}

export async function startConnectProxy(upstream: { host: string; port: number }): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => {
    // Only tunnels are served: a plain proxied request would bypass what is under test.
    res.writeHead(405, { 'content-type': 'text/plain' })
    res.end('CONNECT only\n')
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    sockets.add(client)
    const target = connect(upstream.port, upstream.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) target.write(head)
      target.pipe(client)
      client.pipe(target)
    })
    sockets.add(target)
    const end = () => {
      client.destroy()
      target.destroy()
    }
    target.on('error', end)
    client.on('error', end)
    target.on('close', () => sockets.delete(target))
    client.on('close', () => sockets.delete(client))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${address.port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
