/**
 * The address a user types to connect a plan: `https://couchdb.example.gov.vn/kh-tuyen-truyen-2026`
 * is the server plus one database. CouchDB database names: a lower-case letter first, then
 * lower-case letters, digits and `_$()+-/` (CouchDB's own rule).
 */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/

export function isValidDatabaseName(name: string): boolean {
  return DATABASE_NAME.test(name) && name.length <= 238
}

/** Splits an address into server and database; null when it is not an http(s) address ending in a valid database name. */
export function parseDatabaseAddress(address: string): { serverUrl: string; database: string } | null {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.search || url.hash || url.username || url.password) return null
  const path = url.pathname.replace(/\/+$/, '')
  const cut = path.lastIndexOf('/')
  const database = decodeURIComponent(path.slice(cut + 1))
  if (!isValidDatabaseName(database)) return null
  return { serverUrl: `${url.origin}${path.slice(0, cut)}`, database }
}

/** A server address alone (the database typed apart): http(s), no query. */
export function normaliseServerUrl(serverUrl: string): string | null {
  try {
    const url = new URL(serverUrl.trim())
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return null
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  } catch {
    return null
  }
}
