/**
 * Test helper: loads the extension's TextMate grammars with vscode-textmate and the Oniguruma wasm, the same engine
 * VS Code uses, and tokenizes text so tests can assert scopes. The grammar registrations (paths, `injectTo`) come
 * from the contributes snippet in test/fixtures/grammar, so the snippet is exercised too; host grammars for
 * Markdown and LaTeX are small stand-ins with the real scope names.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

export const ROOT = join(import.meta.dirname, "..", "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "grammar");

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

interface LanguageContribution {
  id: string;
  extensions?: string[];
  firstLine?: string;
  configuration?: string;
}

/** The `contributes` block the lead merges into package.json. */
export interface Contributes {
  languages: LanguageContribution[];
  grammars: GrammarContribution[];
}

export function loadContributes(): Contributes {
  const raw = JSON.parse(readFileSync(join(FIXTURES, "contributes.json"), "utf8")) as { contributes: Contributes };
  return raw.contributes;
}

const HOSTS: Readonly<Record<string, string>> = {
  "text.html.markdown": join(FIXTURES, "markdown-host.tmLanguage.json"),
  "text.tex.latex": join(FIXTURES, "latex-host.tmLanguage.json"),
};

let registryPromise: Promise<textmate.Registry> | undefined;

async function createRegistry(): Promise<textmate.Registry> {
  const wasm = readFileSync(join(ROOT, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const contributes = loadContributes();
  const paths = new Map<string, string>(Object.entries(HOSTS));
  const injections = new Map<string, string[]>();
  for (const grammar of contributes.grammars) {
    paths.set(grammar.scopeName, join(ROOT, grammar.path));
    for (const host of grammar.injectTo ?? []) injections.set(host, [...(injections.get(host) ?? []), grammar.scopeName]);
  }
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName: string) => {
      const path = paths.get(scopeName);
      if (!path) return Promise.resolve(null);
      return Promise.resolve(textmate.parseRawGrammar(readFileSync(path, "utf8"), path));
    },
    getInjections: (scopeName: string) => injections.get(scopeName),
  });
}

/** One token: its text and the scopes from the root outwards. */
export interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes `text` line by line with the grammar `scopeName`. */
export async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  registryPromise ??= createRegistry();
  const registry = await registryPromise;
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} not found`);
  let state = textmate.INITIAL;
  return text.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, token.endIndex),
      scopes: token.scopes,
    }));
  });
}

/** Tokenizes a single line. */
export async function tokenizeLine(scopeName: string, line: string): Promise<Token[]> {
  const [tokens] = await tokenize(scopeName, line);
  return tokens ?? [];
}

function hasScope(token: Token, prefix: string): boolean {
  return token.scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

/** The tokens whose text lies inside the first occurrence of `fragment` (after `from`, if given). */
export function tokensOf(tokens: readonly Token[], fragment: string, from = 0): Token[] {
  let offset = 0;
  const line = tokens.map((token) => token.text).join("");
  const start = line.indexOf(fragment, from);
  if (start < 0) throw new Error(`"${fragment}" not in line "${line}"`);
  const end = start + fragment.length;
  const inside: Token[] = [];
  for (const token of tokens) {
    const tokenStart = offset;
    offset += token.text.length;
    if (tokenStart < end && offset > start) inside.push(token);
  }
  return inside;
}

/** True when every token covering `fragment` carries a scope starting with `prefix`. */
export function fragmentHas(tokens: readonly Token[], fragment: string, prefix: string, from = 0): boolean {
  const inside = tokensOf(tokens, fragment, from);
  return inside.length > 0 && inside.every((token) => hasScope(token, prefix));
}

/** True when no token covering `fragment` carries a scope starting with `prefix`. */
export function fragmentLacks(tokens: readonly Token[], fragment: string, prefix: string, from = 0): boolean {
  return tokensOf(tokens, fragment, from).every((token) => !hasScope(token, prefix));
}

/** True when some token anywhere in the line carries a scope starting with `prefix`. */
export function lineHas(tokens: readonly Token[], prefix: string): boolean {
  return tokens.some((token) => hasScope(token, prefix));
}

/** Debug view of a line's tokens, for assertion messages. */
export function describe(tokens: readonly Token[]): string {
  return tokens.map((token) => `[${token.text}] ${token.scopes.slice(1).join(" ")}`).join("\n");
}
