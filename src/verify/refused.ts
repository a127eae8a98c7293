// An input that verification refuses to run (before connecting), with where to fix it.
import type { ObjectRef, SourceAt } from './types.js'

export class RefusedInput extends Error {
  constructor(message: string, readonly at?: SourceAt, readonly object?: ObjectRef) {
    super(message)
  }
}
