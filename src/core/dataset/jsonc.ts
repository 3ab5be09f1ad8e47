/**
 * jsonc-parser, imported from its ES module build. Its `main` entry is a UMD bundle whose
 * `require('./impl/…')` calls esbuild cannot follow, so importing plain 'jsonc-parser' builds but
 * fails at run time ("Cannot find module './impl/format'"). Import jsonc-parser only through here.
 */
export { parseTree, findNodeAtLocation, printParseErrorCode, visit } from 'jsonc-parser/lib/esm/main.js';
export type { Node as JsonNode, ParseError, JSONPath } from 'jsonc-parser/lib/esm/main.js';
