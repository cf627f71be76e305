// The language client library, bundled on its own as dist/language-client.js and loaded when the first plan
// opens (through `import('./languageClientLib')`), so activation neither parses nor evaluates it.
export { LanguageClient, TransportKind } from 'vscode-languageclient/node';
