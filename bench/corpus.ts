// Deterministic generator of realistic MySQL routine files (procedures, functions, triggers, events with
// BEGIN … END bodies, strings holding `;`, comments, DELIMITER switches). Used by the splitter bench and
// reusable by other benches/tests. It avoids `#` comments and text after a DELIMITER value, which
// dbgate-query-splitter mishandles, so both splitters can be compared on it.

/** Small fast seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RoutineSource {
  type: 'PROCEDURE' | 'FUNCTION' | 'TRIGGER' | 'EVENT'
  name: string
  /** The CREATE statement without delimiter. */
  create: string
}

const DELIMS = ['$$', '//', ';;', '$$', '//']
const TABLES = ['orders', 'customers', 'order_items', 'audit_log', 'inventory']

/** One CREATE statement of the given kind; `k` makes names unique. */
export function routine(rand: () => number, k: number): RoutineSource {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!
  const t = pick(TABLES)
  const n = Math.floor(rand() * 1000)
  const kind = rand()
  if (kind < 0.5) {
    const name = `p_${t}_${k}`
    return {
      type: 'PROCEDURE', name, create:
`CREATE DEFINER=\`app\`@\`%\` PROCEDURE \`${name}\`(IN p_id INT, IN p_note VARCHAR(255), OUT p_total DECIMAL(12,2))
    MODIFIES SQL DATA
    COMMENT 'Recalculates totals; safe to re-run'
BEGIN
  DECLARE v_done INT DEFAULT 0;
  DECLARE v_qty, v_i INT DEFAULT ${n};
  DECLARE v_msg VARCHAR(200) DEFAULT 'it''s done; really';
  DECLARE cur CURSOR FOR SELECT qty FROM \`${t}\` WHERE id = p_id;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET v_done = 1;
  /* Main loop; counts items
     across several lines; with semicolons */
  SET p_total = 0;
  OPEN cur;
  read_loop: LOOP
    FETCH cur INTO v_qty;
    IF v_done = 1 THEN
      LEAVE read_loop;
    ELSEIF v_qty > ${n} THEN
      SET p_total = p_total + v_qty * 1.5; -- bulk rate; discounted
    ELSE
      SET p_total = p_total + IF(v_qty > 0, v_qty, 0);
    END IF;
  END LOOP read_loop;
  CLOSE cur;
  WHILE v_i > 0 DO
    SET v_i = v_i - 1;
  END WHILE;
  CASE WHEN p_total > 100 THEN
    INSERT INTO audit_log(msg) VALUES (CONCAT('big order; id=', p_id, ' note="', p_note, '"'));
  ELSE
    UPDATE \`${t}\` SET note = 'small; \\'quoted\\' order' WHERE id = p_id;
  END CASE;
  IF p_total < 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative total; check input';
  END IF;
END` }
  }
  if (kind < 0.75) {
    const name = `f_${t}_${k}`
    return {
      type: 'FUNCTION', name, create:
`CREATE FUNCTION \`${name}\`(a INT, b VARCHAR(20)) RETURNS varchar(100) CHARSET utf8mb4
    DETERMINISTIC
BEGIN
  DECLARE r VARCHAR(100) DEFAULT '';
  -- classify; cheap
  SET r = CASE WHEN a > ${n} THEN 'large;' WHEN a > 10 THEN "medium;" ELSE 'small' END;
  REPEAT
    SET a = a - 1;
  UNTIL a <= 0 END REPEAT;
  RETURN CONCAT(r, '/', b, ';');
END` }
  }
  if (kind < 0.92) {
    const name = `trg_${t}_${k}`
    return {
      type: 'TRIGGER', name, create:
`CREATE TRIGGER \`${name}\` BEFORE UPDATE ON \`${t}\` FOR EACH ROW
BEGIN
  IF NEW.qty <> OLD.qty THEN
    INSERT INTO audit_log(msg, created_at) VALUES (CONCAT('qty changed; ', OLD.qty, ' -> ', NEW.qty), NOW());
  END IF;
  SET NEW.updated_at = NOW(); /* keep; fresh */
END` }
  }
  const name = `ev_${t}_${k}`
  return {
    type: 'EVENT', name, create:
`CREATE EVENT \`${name}\` ON SCHEDULE EVERY ${1 + (n % 24)} HOUR DO
BEGIN
  DELETE FROM audit_log WHERE msg LIKE '%;%' AND created_at < NOW() - INTERVAL ${n} DAY;
END` }
}

export interface Corpus {
  sql: string
  /** Statements a correct splitter returns (non-empty ones). */
  statements: number
  routines: number
}

/** A routine file corpus of at least `minBytes` characters. */
export function generateCorpus(minBytes: number, seed = 42): Corpus {
  const rand = prng(seed)
  const parts: string[] = []
  let size = 0
  let statements = 0
  let routines = 0
  let k = 0
  while (size < minBytes) {
    const r = routine(rand, k++)
    const d = DELIMS[Math.floor(rand() * DELIMS.length)]!
    const space = rand() < 0.3 ? ' ' : ''
    const chunk =
`-- ${r.type.toLowerCase()} ${r.name}: generated
DROP ${r.type} IF EXISTS \`${r.name}\`;
DELIMITER ${d}
${r.create}${space}${d}
DELIMITER ;
SELECT '${r.name}; ok' AS installed;

`
    parts.push(chunk)
    size += chunk.length
    statements += 3
    routines++
  }
  return { sql: parts.join(''), statements, routines }
}

// ---------------------------------------------------------------------------------------------------------
// Random SQL files with known statement boundaries, for property tests (and differential tests against the
// real client). Every piece is separated by whitespace so no two pieces can fuse into a comment opener or a
// delimiter; delimiters appear outside strings/comments only where a statement ends.

export interface GenStatement {
  /** Expected statement text (what a correct splitter returns). */
  text: string
  delimiter: string
}

export interface GenFile {
  sql: string
  statements: GenStatement[]
}

export interface GenOptions {
  /** Include `;`-delimited CREATE PROCEDURE … BEGIN … END programs (our extension; the client splits them). */
  programs?: boolean
  /** Use CRLF line endings. */
  crlf?: boolean
  /** Approximate number of statements. */
  statements?: number
}

const GEN_WORDS = ['SELECT', 'FROM', 'WHERE', 'a', 'b1', 'x_y', 't', 'UPDATE', 'SET', 'VALUES', 'INSERT', 'INTO', 'AND',
  'OR', 'NOT', 'NULL', 'COUNT', 'abc', 'col9', 'CREATE', 'TABLE', 'Ünï', 'DO']
const GEN_OPS = ['+', '=', '(', ')', ',', '<', '>', '*', '.']
const GEN_DELIMS = ['$$', '//', ';;', ';', '|', '@@', '~~', 'GO', ';']
/** Content fragments for strings and comments: delimiters, quotes, comment openers, directives, non-ASCII. */
const GEN_TEXT = ['a', ' ', 'x y', ';', ';;', '$$', '//', '|', '@@', '~~', 'GO', '#', '-- ', '/*', '/*!', 'DELIMITER ;',
  'delimiter $$', 'BEGIN', 'END;', 'END IF;', 'é', '€', '😀', '\t', 'CREATE PROCEDURE p() BEGIN']

export function randomSqlFile(rand: () => number, opts: GenOptions = {}): GenFile {
  const nl = opts.crlf ? '\r\n' : '\n'
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!
  const chance = (p: number): boolean => rand() < p
  const ws = (): string => pick([' ', ' ', '  ', '\t', nl, ` ${nl}  `])

  const text = (allowNewline: boolean, banned: string[]): string => {
    let out = ''
    const n = Math.floor(rand() * 6)
    for (let i = 0; i < n; i++) {
      let piece = chance(0.15) && allowNewline ? pick(['\n', '\r\n', `${nl}DELIMITER $$${nl}`, `${nl}  delimiter ;${nl}`]) : pick(GEN_TEXT)
      if (banned.some((b) => piece.includes(b))) piece = 'z'
      out += piece
    }
    // a `*/` could form across pieces ('/*' then …): cheap guard for block comments
    for (const b of banned) while (out.includes(b)) out = out.replace(b, 'z')
    return out
  }
  const quoted = (q: string): string => {
    let body = text(true, q === '`' ? ['`'] : [q, '\\'])
    const extras = q === '`' ? ['``'] : [q + q, '\\' + q, '\\\\', '\\n', '\\;']
    if (chance(0.6)) body += pick(extras) + text(true, q === '`' ? ['`'] : [q, '\\'])
    return q + body + q
  }
  const comment = (): string => {
    switch (Math.floor(rand() * 4)) {
      case 0: return `-- ${text(false, ['\n', '\r'])}${nl}`
      case 1: return `#${text(false, ['\n', '\r'])}${nl}`
      case 2: return `--\t${text(false, ['\n', '\r'])}${nl}`
      default: return `/* ${text(true, ['*/', '/*'])} */` // nested /* follows client quirks: not generated
    }
  }
  const plainPiece = (depthOk: boolean): string => {
    const r = rand()
    if (r < 0.35) return pick(GEN_WORDS)
    if (r < 0.5) return pick(GEN_OPS)
    if (r < 0.62) return quoted("'")
    if (r < 0.7) return quoted('"')
    if (r < 0.77) return quoted('`')
    if (r < 0.83) return String(Math.floor(rand() * 1000))
    if (r < 0.93) return comment()
    if (depthOk) {
      let inner = ''
      const k = 1 + Math.floor(rand() * 3)
      for (let i = 0; i < k; i++) inner += ' ' + plainPiece(false).replace(/\n|\r/g, ' ').replace(/^(--|#|\/\*).*/, 'c')
      return `/*!${chance(0.5) ? '50003' : ''}${inner} */`
    }
    return pick(GEN_WORDS)
  }
  /** Statement body: optional leading comments on their own lines, then a non-DELIMITER word, then pieces. */
  const body = (): string => {
    let out = ''
    if (chance(0.2)) out += comment() + (out.endsWith(nl) ? '' : nl)
    out += pick(GEN_WORDS.filter((w) => w !== 'CREATE'))
    const n = Math.floor(rand() * 10)
    for (let i = 0; i < n; i++) out += ws() + plainPiece(true)
    return out
  }

  // Stored programs under `;` with nested blocks; inner statements end with `;`.
  const block = (depth: number): string => {
    let out = ''
    const n = 1 + Math.floor(rand() * 3)
    for (let i = 0; i < n; i++) {
      const r = depth < 3 ? rand() : 0
      const inner = (): string => block(depth + 1)
      if (r < 0.5) out += `${body().replace(/\bDO\b/g, 'd0')};${nl}`
      else if (r < 0.6) out += `IF a THEN${nl}${inner()}ELSEIF b THEN${nl}${inner()}ELSE${nl}${inner()}END IF;${nl}`
      else if (r < 0.68) out += `lbl${depth}: LOOP${nl}${inner()}END LOOP lbl${depth};${nl}`
      else if (r < 0.76) out += `WHILE a > 0 DO${nl}${inner()}END WHILE;${nl}`
      else if (r < 0.82) out += `REPEAT${nl}${inner()}UNTIL a END REPEAT;${nl}`
      else if (r < 0.88) out += `CASE WHEN a THEN${nl}${inner()}ELSE${nl}${inner()}END CASE;${nl}`
      else if (r < 0.94) out += `BEGIN${nl}${inner()}END;${nl}`
      else out += `SET v = CASE WHEN a THEN IF(b, 1, 2) ELSE REPEAT('x;', 2) END;${nl}`
    }
    return out
  }

  const statements: GenStatement[] = []
  let sql = chance(0.3) ? '\ufeff' : ''
  let delim = ';'
  const total = opts.statements ?? 20
  for (let s = 0; s < total; s++) {
    // between statements: blank lines, comment-only empty statements, DELIMITER changes (a comment right
    // before the next statement would become part of its text, so comments here precede a delimiter/directive)
    if (chance(0.2)) sql += nl + ws()
    if (chance(0.1)) sql += `${comment()}${nl}${delim}${nl}`
    if (chance(0.05)) sql += `${delim}${nl}`
    if (chance(0.2)) {
      const d = pick(GEN_DELIMS)
      if (chance(0.3)) sql += `${comment()}${nl}`
      sql += `${pick(['', ' ', '\t'])}${pick(['DELIMITER', 'delimiter', 'Delimiter'])} ${d}${chance(0.3) ? ' -- to ' + d : ''}${nl}`
      delim = d
    }
    let stmt: string
    if (opts.programs && delim === ';' && chance(0.3)) {
      stmt = `CREATE PROCEDURE p${s}()${nl}BEGIN${nl}${block(0)}END`
    } else stmt = body()
    // the text a splitter returns: trailing whitespace and the delimiter excluded
    const trimmed = stmt.replace(/\s+$/, '')
    statements.push({ text: trimmed, delimiter: delim })
    sql += stmt + (chance(0.3) ? ws().replace(/^\s*$/, ' ') : '') + delim
    // rest of the delimiter line: nothing, or a comment (which belongs to no statement)
    if (chance(0.2)) sql += ` /* after ${delim === '*/' ? '' : 'it'} */`
    else if (chance(0.1)) sql += ' -- trailing'
    sql += nl
  }
  return { sql, statements }
}

/**
 * One routine file section in the mysqldump style (`DROP … IF EXISTS` + CREATE) of kind `kind % 10`; `variant`
 * changes its body (0 = base).
 */
export function prRoutine(kind: number, id: number, variant: number): string {
  const n = `r${String(id).padStart(5, '0')}`
  switch (kind % 10) {
    case 0:
      return `DROP FUNCTION IF EXISTS f_${n};
DELIMITER $$
CREATE FUNCTION f_${n}(p_order_id INT) RETURNS DECIMAL(12,2)
    READS SQL DATA
BEGIN
  DECLARE v_total DECIMAL(12,2);
  -- sums the lines; variant ${variant}
  SELECT COALESCE(SUM(qty * price), 0) INTO v_total FROM order_items WHERE order_id = p_order_id AND sku <> 'x;${variant}';
  RETURN v_total + ${variant};
END$$
DELIMITER ;
`
    case 1:
      return `DROP TRIGGER IF EXISTS t_${n};
DELIMITER $$
CREATE TRIGGER t_${n} BEFORE INSERT ON orders_${id % 50}
FOR EACH ROW
BEGIN
  IF NEW.total < ${variant} THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'total below ${variant}; rejected';
  END IF;
END$$
DELIMITER ;
`
    case 2:
      return `DROP VIEW IF EXISTS v_${n};
CREATE ALGORITHM=MERGE VIEW v_${n} AS SELECT id, customer_id, total FROM orders WHERE total > ${variant} AND status <> 'x';
`
    case 3:
      return `DROP EVENT IF EXISTS e_${n};
CREATE EVENT e_${n} ON SCHEDULE EVERY ${1 + (variant % 5)} HOUR STARTS '2030-01-01 00:00:00' DISABLE
DO DELETE FROM audit_log WHERE changed_at < NOW() - INTERVAL ${30 + variant} DAY;
`
    default:
      return `DROP PROCEDURE IF EXISTS p_${n};
DELIMITER $$
CREATE PROCEDURE p_${n}(IN p_days INT, OUT p_count INT)
BEGIN
  /* archive job ${n}; keeps "quotes" and 'semi;colons' in strings */
  DECLARE v_cutoff DATETIME DEFAULT NOW() - INTERVAL p_days DAY;
  DECLARE v_done INT DEFAULT 0;
  main_loop: LOOP
    INSERT INTO orders_archive (id, customer_id, total, status, created_at)
      SELECT id, customer_id, total, status, created_at FROM orders
       WHERE status = 'delivered' AND created_at < v_cutoff LIMIT ${100 + variant};
    SET p_count = ROW_COUNT();
    IF p_count = 0 THEN LEAVE main_loop; END IF;
    DELETE FROM orders WHERE status = 'delivered' AND created_at < v_cutoff LIMIT ${100 + variant};
  END LOOP main_loop;
  SELECT CASE WHEN p_count > 0 THEN 'more' ELSE 'done' END AS state;
END$$
DELIMITER ;
`
  }
}

/** Same objects, another layout: lower-case keywords, another delimiter, extra comments and blank lines. */
export function reformat(sql: string): string {
  return '-- reformatted\n' + sql
    .replace(/DELIMITER \$\$/g, 'delimiter //').replace(/END\$\$/g, 'end //')
    .replace(/\b(BEGIN|DECLARE|SELECT|FROM|WHERE|INSERT INTO|DELETE FROM|RETURN|CREATE|PROCEDURE|FUNCTION)\b/g, (k) => k.toLowerCase())
    .replace(/\n {2}/g, '\n\n    ')
}
