// What to mask of a URL that may carry a credential (a webhook's secret path, a mirror's
// user:token@, a token in the query), shared by every action that takes such a URL.

/** A credential inside a URL: long, and not a word (a digit, or upper and lower case mixed).
 * Slack's webhook secret is 24 such characters; "services", "hooks" or "api" never qualify. */
export function looksLikeCredential(part: string): boolean {
  return part.length >= 16 && /^[\w.~%+=-]+$/.test(part) && (/\d/.test(part) || (/[a-z]/.test(part) && /[A-Z]/.test(part)))
}

/** `s` percent-decoded, or as it is when it is not valid percent-encoding. */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * What to mask for a URL that may carry a credential. Takes the URL text and whether the URL as a
 * whole is secret; gives the strings to mask: with `whole`, the URL itself and everything after
 * its host (when that holds a credential or is too long to be a word); in any case the password of
 * user:password@ (whatever it looks like), a username shaped like a credential (a token given as
 * `https://TOKEN:x-oauth-basic@host`), and each path segment and query value shaped like one.
 * Never a short or common segment: a mask blanks that string in every later log line, so masking
 * "services" would turn every "services" in the job log into ***. A URL that does not parse gives
 * only itself (with `whole`).
 */
export function urlSecrets(raw: string, whole: boolean): string[] {
  const out = new Set<string>()
  if (whole) out.add(raw)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return [...out]
  }
  if (url.password) out.add(url.password).add(decoded(url.password))
  if (url.username && looksLikeCredential(url.username)) out.add(url.username).add(decoded(url.username))
  const pieces = [...url.pathname.split('/'), ...url.searchParams.values()].filter(looksLikeCredential)
  for (const piece of pieces) out.add(piece).add(decoded(piece))
  const afterHost = `${url.pathname}${url.search}`
  if (whole && (pieces.length > 0 || afterHost.length >= 24)) out.add(afterHost)
  return [...out]
}
