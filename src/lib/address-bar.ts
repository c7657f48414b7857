/**
 * The only module that reads or rewrites the page's address. `replaceState`, never `pushState`: a
 * filter change is not a page the Back button should step through.
 */
export function readAddressSearch(): string {
  try {
    return window.location.search
  } catch {
    return ''
  }
}

export function replaceAddressSearch(search: string): void {
  try {
    const { pathname, hash } = window.location
    if (window.location.search === search) return
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`)
  } catch {
    // A sandboxed frame may refuse: the address is a convenience, the state stays in the app.
  }
}
