// Every regular expression in the engine's source, for the ReDoS check (issue 8 §1): regex literals, and
// `new RegExp(…)` / `RegExp(…)` whose pattern can be read from the source (a string, a template whose
// `${…}` parts are constant names, or an array of strings joined). A constructor call whose pattern
// cannot be read is returned as `unresolved`, so the test fails until a resolver says where its
// patterns come from (e.g. providers.json) — a regex cannot escape the check by being built at run time.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** `path:line` relative to the repository root. */
  where: string;
  source: string;
  flags: string;
}

export interface Collected {
  regexes: FoundRegex[];
  unresolved: { where: string; text: string }[];
}

/** `.ts` files under `dir`, tests excluded (they never see attacker text in production). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out.sort();
}

/** The string value of a node when the source fixes it; substitutions in templates become `k`. */
function staticString(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text;
  }
  if (ts.isTemplateExpression(node)) {
    // Substitutions here are constant key names chosen by the code (amazon-ses.ts), never attacker
    // text; a plain word stands in for them without changing the pattern's structure.
    return node.head.text + node.templateSpans.map(s => 'k' + s.literal.text).join('');
  }
  if (ts.isParenthesizedExpression(node)) {
    return staticString(node.expression);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = staticString(node.left);
    const r = staticString(node.right);
    return l !== undefined && r !== undefined ? l + r : undefined;
  }
  // [ 'a', 'b' ].join('|')
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'join' &&
    ts.isArrayLiteralExpression(node.expression.expression)
  ) {
    const sep = node.arguments[0] ? staticString(node.arguments[0]) : ',';
    const items = node.expression.expression.elements.map(e => staticString(e));
    if (sep === undefined || items.some(i => i === undefined)) {
      return undefined;
    }
    return items.join(sep);
  }
  return undefined;
}

export function collectFile(file: string, relative: string): Collected {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const regexes: FoundRegex[] = [];
  const unresolved: { where: string; text: string }[] = [];
  const where = (node: ts.Node): string =>
    `${relative}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const slash = literal.lastIndexOf('/');
      regexes.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flagsArg] = node.arguments ?? [];
      const source = pattern ? staticString(pattern) : undefined;
      const flags = flagsArg ? staticString(flagsArg) : '';
      if (source === undefined || flags === undefined) {
        unresolved.push({ where: where(node), text: node.getText(sf) });
      } else {
        regexes.push({ where: where(node), source, flags });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { regexes, unresolved };
}

export function collect(root: string, dir: string): Collected {
  const all: Collected = { regexes: [], unresolved: [] };
  for (const file of sourceFiles(path.join(root, dir))) {
    const c = collectFile(file, path.relative(root, file));
    all.regexes.push(...c.regexes);
    all.unresolved.push(...c.unresolved);
  }
  return all;
}
