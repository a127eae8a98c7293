// Shared vocabulary of the pure planner (src/sql). No I/O anywhere under src/sql.

/** One statement as the mysql/mariadb client would send it to the server. */
export interface Statement {
  /** Statement text without its terminating delimiter, exactly as written (comments kept). */
  text: string
  /** The delimiter that terminated it (`;`, `$$`, `//`, …), or '' when the input ended without one. */
  delimiter: string
  /** 1-based line of the statement's first non-blank, non-comment character. */
  line: number
  /** 0-based offsets into the (BOM-stripped, original line ending) source of text start / end (exclusive). */
  start: number
  end: number
}

/** A problem found in a file, with the position a reviewer needs. */
export interface Finding {
  file: string
  line: number
  message: string
}

export type ObjectType = 'PROCEDURE' | 'FUNCTION' | 'TRIGGER' | 'EVENT' | 'VIEW'
export type ChangeKind = 'added' | 'modified' | 'removed'

/** The `plan` JSON contract (docs/cli.md): other code and CI depend on this exact shape. */
export interface PlannedObject {
  type: ObjectType
  schema?: string
  name: string
  change: ChangeKind
  file: string
  line: number
}

export interface Plan {
  objects: PlannedObject[]
  execSql: string
  rollbackSql: string
  errors: Finding[]
  warnings: Finding[]
}

/** A set of SQL files keyed by repository-relative path (forward slashes). */
export type SourceTree = ReadonlyMap<string, string>
