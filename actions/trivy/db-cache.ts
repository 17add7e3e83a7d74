// trivy's vulnerability DB (and Java DB) kept in the Actions cache, one entry a day: the first
// job of the day downloads it (mirror first, then the primary repository), every later job
// restores it and skips the download. This is what avoids the registry's rate limits.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as core from '@actions/core'

export type DbKind = 'db' | 'java-db'

export interface DbRestore {
  kind: DbKind
  path: string
  key: string
  /** exact: today's entry; older: the newest earlier entry; miss: nothing cached. */
  hit: 'exact' | 'older' | 'miss' | 'unavailable'
  matchedKey?: string
}

export function dbCacheKey(kind: DbKind, now: Date): string {
  return `sgw-trivy-${kind}-${now.toISOString().slice(0, 10)}`
}

// @actions/cache brings the Azure storage SDK: loaded only when the cache is used, so that the
// action starts fast when it is not.
const loadCache = () => import('@actions/cache')

export async function restoreDb(kind: DbKind, cacheDir: string, now: Date): Promise<DbRestore> {
  const cache = await loadCache()
  const path = join(cacheDir, kind)
  const key = dbCacheKey(kind, now)
  if (!cache.isFeatureAvailable()) return { kind, path, key, hit: 'unavailable' }
  try {
    const matchedKey = await cache.restoreCache([path], key, [`sgw-trivy-${kind}-`])
    const hit = matchedKey === undefined ? 'miss' : matchedKey === key ? 'exact' : 'older'
    core.info(`trivy ${kind}: ${hit === 'miss' ? 'not cached yet' : `restored ${matchedKey}`}.`)
    return { kind, path, key, hit, matchedKey }
  } catch (error) {
    core.warning(`trivy ${kind}: could not restore from the Actions cache (${error instanceof Error ? error.message : String(error)}); trivy downloads it.`)
    return { kind, path, key, hit: 'miss' }
  }
}

/** Save today's DB unless today's entry was what we restored. */
export async function saveDb(restored: DbRestore): Promise<void> {
  if (restored.hit === 'exact' || restored.hit === 'unavailable' || !existsSync(restored.path)) return
  const cache = await loadCache()
  try {
    await cache.saveCache([restored.path], restored.key)
    core.info(`trivy ${restored.kind}: cached as ${restored.key}.`)
  } catch (error) {
    // Another job of the same day may have saved it first; the cache is an optimisation.
    core.info(`trivy ${restored.kind}: not cached (${error instanceof Error ? error.message : String(error)}).`)
  }
}
