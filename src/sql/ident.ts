// MySQL identifier quoting: backticks, with a backtick inside doubled (the only character that needs escaping).

export function quoteIdent(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`'
}

/** `schema`.`name`, or `name` when the object is unqualified. */
export function qualifiedName(o: { schema?: string | undefined; name: string }): string {
  return (o.schema !== undefined ? quoteIdent(o.schema) + '.' : '') + quoteIdent(o.name)
}
