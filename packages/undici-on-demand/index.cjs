'use strict'
// undici as the Actions toolkit uses it, loaded on first use. @actions/http-client imports its
// ProxyAgent and @actions/github its fetch at module level, so every bundle would evaluate all of
// undici (about 440 kB, some 85 ms under Node 24) at start, while only a job behind an HTTP proxy
// sends a request through either.
//
// ProxyAgent here keeps its options; the real agent is built by fetch below, the one consumer of
// the dispatcher that http-client's getAgentDispatcher returns (@actions/github's proxy fetch).
// undici itself ("undici-impl") is imported on the first fetch, so the bundler puts it in a chunk
// of its own that a run without a proxy never reads. package.json's workspaces put this package
// where undici was; __tests__/unit/undici-on-demand.test.ts fails when a dependency starts to use
// undici in another way.
const real = new WeakMap()

class ProxyAgent {
  constructor(options) {
    this.options = options
  }
}

async function fetch(input, init) {
  const undici = await import('undici-impl')
  const dispatcher = init && init.dispatcher
  if (dispatcher instanceof ProxyAgent) {
    if (!real.has(dispatcher)) real.set(dispatcher, new undici.ProxyAgent(dispatcher.options))
    return undici.fetch(input, { ...init, dispatcher: real.get(dispatcher) })
  }
  return undici.fetch(input, init)
}

exports.ProxyAgent = ProxyAgent
exports.fetch = fetch
