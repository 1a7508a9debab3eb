// Editor assistance as pure functions of a request line's text and a column: hover and
// completion. No editor types: the language server translates positions and kinds.

export { hoverAt } from './hover';
export type { HoverInfo } from './hover';
export { completionsAt } from './completion';
export type { CompletionEntry, Completions } from './completion';
