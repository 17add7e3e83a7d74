/**
 * A short, stable fingerprint from the parts that say what a finding is and where it lives.
 * Callers choose parts that survive re-runs (rule, file, package, resource), never secret values.
 *
 * Two independent 32-bit multiply-xorshift hashes (64 bits, 16 hex digits): collisions are
 * negligible at report sizes, and it costs a fraction of a crypto hash and allocates nothing but
 * the result, which matters on reports with 100,000 findings. Not a security property:
 * fingerprints only match findings to each other.
 */
type Part = string | number | undefined

export function fingerprintOf(a: Part, b?: Part, c?: Part, d?: Part, e?: Part, f?: Part, g?: Part): string {
  state1 = 0xdeadbeef
  state2 = 0x41c6ce57
  mix(a)
  mix(b)
  mix(c)
  mix(d)
  mix(e)
  mix(f)
  mix(g)
  const h1 = Math.imul(state1 ^ (state1 >>> 16), 2246822507) ^ Math.imul(state2 ^ (state2 >>> 13), 3266489909)
  const h2 = Math.imul(state2 ^ (state2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return hex8(h2) + hex8(h1)
}

let state1 = 0
let state2 = 0

function mix(part: Part): void {
  const s = part === undefined ? '' : typeof part === 'string' ? part : String(part)
  let h1 = state1
  let h2 = state2
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  // A separator no string part can contain keeps ("ab", "c") apart from ("a", "bc").
  state1 = Math.imul(h1 ^ 0x10001, 2654435761)
  state2 = Math.imul(h2 ^ 0x10001, 1597334677)
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex8(n: number): string {
  return HEX[(n >>> 24) & 255] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255]
}
