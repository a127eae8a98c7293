// Reads every page of a DMS list call. No DMS doc states a maximum page size (ListOrders shows 10 as an example,
// ListAuthorityTemplate lists 5/10/20), and a server may return fewer items than asked, so the loop never infers
// the end from a short page: it stops when it holds TotalCount distinct items or a page comes back empty, and
// refuses to return a partial list silently (docs/dms-api.md, Paging).
import { DmsError } from './errors.js'

export interface Page<T> {
  totalCount: number
  items: T[]
}

export interface PageAllOptions {
  /** Stop with an error after this many pages without reaching TotalCount. */
  maxPages: number
  /** The action, for the error. */
  action: string
}

export interface AllPages<T> {
  items: T[]
  /** The last page's TotalCount. */
  totalCount: number
}

/** Pages 1, 2, … until every item is read; items are de-duplicated by `key` (lists shift while being read). */
export async function pageAll<T>(fetchPage: (pageNumber: number) => Promise<Page<T>>, key: (item: T) => string | number, o: PageAllOptions): Promise<AllPages<T>> {
  const seen = new Map<string | number, T>()
  let totalCount = 0
  for (let page = 1; page <= o.maxPages; page++) {
    const res = await fetchPage(page)
    totalCount = res.totalCount
    for (const item of res.items) if (!seen.has(key(item))) seen.set(key(item), item)
    if (res.items.length === 0 || seen.size >= totalCount) return { items: [...seen.values()], totalCount }
  }
  throw new DmsError({
    code: 'TooManyResults',
    message: `${totalCount} items match but only ${seen.size} were read in ${o.maxPages} pages; narrow the query (a shorter time window) or allow more pages`,
    action: o.action,
    kind: 'business'
  })
}
