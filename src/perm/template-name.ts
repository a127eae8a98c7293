// Names and descriptions of DMS authority (permission) templates, checked before any CreateAuthorityTemplate call.
// DMS documents no limits; we pick conservative ones so a typo fails locally with a clear message.
export const TEMPLATE_NAME_MAX = 64
export const TEMPLATE_DESCRIPTION_MAX = 256

// Letters (any script: DMS tenants name things in Chinese too), digits, space, and _ - . ( ) :
const NAME_CHARS = /^[\p{L}\p{N} _\-.():]+$/u

/** Why `name` is not an acceptable template name, or null. */
export function templateNameProblem(name: string): string | null {
  if (name.trim() === '') return 'must not be empty'
  if (name !== name.trim()) return 'must not start or end with spaces'
  if ([...name].length > TEMPLATE_NAME_MAX) return `must be at most ${TEMPLATE_NAME_MAX} characters`
  if (!NAME_CHARS.test(name)) {
    const bad = [...name].find((c) => !NAME_CHARS.test(c)) ?? ''
    return `contains '${bad}': use letters, digits, spaces and _ - . ( ) : only`
  }
  return null
}

export function templateDescriptionProblem(description: string): string | null {
  if ([...description].length > TEMPLATE_DESCRIPTION_MAX) return `must be at most ${TEMPLATE_DESCRIPTION_MAX} characters`
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(description)) return 'must not contain control characters'
  return null
}
