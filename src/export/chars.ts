// **chars** makes any string safe to write as XML 1.0 text or as an RDF literal.

// Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF) and
// UTF-16 surrogates that are not part of a pair, which no UTF-8 file can hold.
const FORBIDDEN = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const forbidden = new RegExp(FORBIDDEN), forbiddenAll = new RegExp(FORBIDDEN, 'g');
// RDF literals also lose U+FFFD: Jena warns on every one (it signals a decoding error),
// and our checks count Jena warnings as failures.
const unliteral = new RegExp(`${FORBIDDEN}|\\uFFFD`), unliteralAll = new RegExp(`${FORBIDDEN}|\\uFFFD`, 'g');

/**
 * The character that stands in for a forbidden one: U+241A SYMBOL FOR SUBSTITUTE (␚).
 * Not U+FFFD, which Jena rejects in RDF; the same symbol in every format keeps them equal.
 */
export const REPLACEMENT = '\u241A';

// ### `cleanText` replaces every character XML 1.0 cannot carry by REPLACEMENT.
// One UTF-16 unit becomes one, so offsets into the text stay valid. The cheap `test`
// comes first because almost every string is clean.
export function cleanText(value: string): string {
  return forbidden.test(value) ? value.replace(forbiddenAll, REPLACEMENT) : value;
}

// ### `cleanLiteral` is `cleanText` for RDF literals, which also replaces U+FFFD.
export function cleanLiteral(value: string): string {
  return unliteral.test(value) ? value.replace(unliteralAll, REPLACEMENT) : value;
}
