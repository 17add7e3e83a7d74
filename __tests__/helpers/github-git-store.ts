// Git references, annotated tag objects and releases kept in memory and answered with GitHub's
// response shapes and status codes (422 for a reference or release that already exists), for the
// GitHub API stand-in (github-api.ts), which checks every answer against the OpenAPI description.
import { createHash } from 'node:crypto'
import type { ApiAnswer, Handler } from './github-api.js'

export interface StoredRelease {
  id: number
  tag_name: string
  target_commitish: string
  name: string
  body: string
  make_latest?: string
}

const DOCS = 'https://docs.github.com/rest'

const bot = (api: string) => ({
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: `${api}/users/github-actions%5Bbot%5D`,
  html_url: 'https://github.com/apps/github-actions',
  followers_url: `${api}/users/github-actions%5Bbot%5D/followers`,
  following_url: `${api}/users/github-actions%5Bbot%5D/following{/other_user}`,
  gists_url: `${api}/users/github-actions%5Bbot%5D/gists{/gist_id}`,
  starred_url: `${api}/users/github-actions%5Bbot%5D/starred{/owner}{/repo}`,
  subscriptions_url: `${api}/users/github-actions%5Bbot%5D/subscriptions`,
  organizations_url: `${api}/users/github-actions%5Bbot%5D/orgs`,
  repos_url: `${api}/users/github-actions%5Bbot%5D/repos`,
  events_url: `${api}/users/github-actions%5Bbot%5D/events{/privacy}`,
  received_events_url: `${api}/users/github-actions%5Bbot%5D/received_events`,
  type: 'Bot',
  site_admin: false
})

const notFound = (): ApiAnswer => ({ status: 404, body: { message: 'Not Found', documentation_url: DOCS } })

export function gitStore(options: { owner?: string; repo?: string } = {}) {
  const owner = options.owner ?? 'acme'
  const repo = options.repo ?? 'web'
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const refs = new Map<string, { sha: string; type: 'commit' | 'tag' }>()
  const tagObjects = new Map<string, { tag: string; message: string; object: string }>()
  const releases: StoredRelease[] = []
  let nextId = 5000
  const now = '2026-11-23T10:00:00Z'

  const refShape = (ref: string) => {
    const r = refs.get(ref)!
    return { ref, node_id: `REF_${Buffer.from(ref).toString('base64')}`, url: `${api}/git/${ref}`, object: { type: r.type, sha: r.sha, url: `${api}/git/${r.type === 'tag' ? 'tags' : 'commits'}/${r.sha}` } }
  }
  const tagShape = (sha: string) => {
    const t = tagObjects.get(sha)!
    return {
      node_id: `TAG_${sha.slice(0, 12)}`,
      tag: t.tag,
      sha,
      url: `${api}/git/tags/${sha}`,
      message: t.message,
      tagger: { date: now, email: '41898282+github-actions[bot]@users.noreply.github.com', name: 'github-actions[bot]' },
      object: { sha: t.object, type: 'commit', url: `${api}/git/commits/${t.object}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    }
  }
  const releaseShape = (r: StoredRelease) => ({
    url: `${api}/releases/${r.id}`,
    html_url: `https://github.com/${owner}/${repo}/releases/tag/${r.tag_name}`,
    assets_url: `${api}/releases/${r.id}/assets`,
    upload_url: `https://uploads.github.com/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${r.tag_name}`,
    zipball_url: `${api}/zipball/${r.tag_name}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag_name,
    target_commitish: r.target_commitish,
    name: r.name,
    body: r.body,
    draft: false,
    prerelease: false,
    created_at: now,
    published_at: now,
    author: bot('https://api.github.com'),
    assets: []
  })
  const unprocessable = (message: string, error: Record<string, string>): ApiAnswer => ({ status: 422, body: { message, errors: [error], documentation_url: DOCS } })

  const handlers: Record<string, Handler> = {
    'git/get-ref': (r) => (refs.has(`refs/${r.params.ref}`) ? { status: 200, body: refShape(`refs/${r.params.ref}`) } : notFound()),
    'git/get-tag': (r) => (tagObjects.has(r.params.tag_sha) ? { status: 200, body: tagShape(r.params.tag_sha) } : notFound()),
    'git/create-tag': (r) => {
      const b = r.body as { tag: string; message: string; object: string; type: string }
      if (b.type !== 'commit' || !/^[0-9a-f]{40}$/.test(b.object)) return unprocessable('Validation Failed', { resource: 'Tag', code: 'invalid', field: 'object' })
      const sha = createHash('sha1').update(`tag ${b.tag} ${b.object} ${tagObjects.size}`).digest('hex')
      tagObjects.set(sha, { tag: b.tag, message: b.message, object: b.object })
      return { status: 201, body: tagShape(sha) }
    },
    'git/create-ref': (r) => {
      const b = r.body as { ref: string; sha: string }
      if (!b.ref.startsWith('refs/') || b.ref.split('/').length < 3) return { status: 422, body: { message: `${b.ref} is not a valid ref name.`, documentation_url: `${DOCS}/git/refs#create-a-reference` } }
      if (refs.has(b.ref)) return { status: 422, body: { message: 'Reference already exists', documentation_url: `${DOCS}/git/refs#create-a-reference` } }
      refs.set(b.ref, { sha: b.sha, type: tagObjects.has(b.sha) ? 'tag' : 'commit' })
      return { status: 201, body: refShape(b.ref) }
    },
    'git/update-ref': (r) => {
      const ref = `refs/${r.params.ref}`
      const b = r.body as { sha: string; force?: boolean }
      if (!refs.has(ref)) return { status: 422, body: { message: 'Reference does not exist', documentation_url: `${DOCS}/git/refs#update-a-reference` } }
      refs.set(ref, { sha: b.sha, type: tagObjects.has(b.sha) ? 'tag' : 'commit' })
      return { status: 200, body: refShape(ref) }
    },
    'repos/create-release': (r) => {
      const b = r.body as { tag_name: string; target_commitish?: string; name?: string; body?: string; make_latest?: string }
      if (releases.some((x) => x.tag_name === b.tag_name)) return unprocessable('Validation Failed', { resource: 'Release', code: 'already_exists', field: 'tag_name' })
      const release: StoredRelease = { id: nextId++, tag_name: b.tag_name, target_commitish: b.target_commitish ?? 'main', name: b.name ?? b.tag_name, body: b.body ?? '', make_latest: b.make_latest }
      releases.push(release)
      // GitHub creates the tag from target_commitish when it does not exist yet.
      if (!refs.has(`refs/tags/${b.tag_name}`) && /^[0-9a-f]{40}$/.test(release.target_commitish)) refs.set(`refs/tags/${b.tag_name}`, { sha: release.target_commitish, type: 'commit' })
      return { status: 201, body: releaseShape(release) }
    },
    'repos/get-release-by-tag': (r) => {
      const release = releases.find((x) => x.tag_name === r.params.tag)
      return release ? { status: 200, body: releaseShape(release) } : notFound()
    },
    'repos/update-release': (r) => {
      const release = releases.find((x) => x.id === Number(r.params.release_id))
      if (!release) return notFound()
      const b = r.body as { name?: string; body?: string }
      if (b.name !== undefined) release.name = b.name
      if (b.body !== undefined) release.body = b.body
      return { status: 200, body: releaseShape(release) }
    }
  }

  return {
    refs,
    tagObjects,
    releases,
    handlers,
    /** A lightweight tag already on a commit (as if pushed earlier). */
    seedCommitTag(name: string, commitSha: string): void {
      refs.set(`refs/tags/${name}`, { sha: commitSha, type: 'commit' })
    },
    /** A release that already exists for a tag. */
    seedRelease(tag: string, body: string): void {
      releases.push({ id: nextId++, tag_name: tag, target_commitish: 'main', name: tag, body })
    }
  }
}
