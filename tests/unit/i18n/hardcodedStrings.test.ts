import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every string a person reads comes from src/i18n/messages (issue 15): JSX
// text and the attributes people read or hear (aria-label, placeholder, title,
// alt, label) may not be written in a component.
const SRC = join(process.cwd(), 'src');
const READ_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label', 'aria-description']);
const WORDS = /\p{L}{2,}/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** `file:line "text"` for every hard-coded human-readable string in a TSX file. */
function hardCodedStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${file.slice(SRC.length + 1)}:${line} ${JSON.stringify(value.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : null;
      if (literal && WORDS.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('strings people read', () => {
  it('are never hard-coded in a component (they live in the message files)', () => {
    const found = sources(SRC).flatMap((file) => hardCodedStrings(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check itself catches JSX text and readable attributes', () => {
    const sample = `export const A = () => <p title="Hello there">Save changes<input placeholder={'Your name'} aria-label={t('ok')} /></p>;`;
    expect(hardCodedStrings(join(SRC, 'x.tsx'), sample).sort()).toEqual(['x.tsx:1 "Hello there"', 'x.tsx:1 "Save changes"', 'x.tsx:1 "Your name"']);
  });
});
