// Generated from newlines.wat by scripts/build-wasm.mjs: edit the .wat and run that script.
/** The WebAssembly module counting newlines (see newlines.wat), as base64. */
export const NEWLINES_WASM_BASE64 =
  'AGFzbQEAAAABBwFgAn9/AX8DAgEABQMBAAEHGgIGbWVtb3J5AgANY291bnROZXdsaW5lcwAACsIBAb8BAgN/AXsCQANAIAEgAGtBBHYhAyADRQ0BIABB/wEgAyADQf8BSxtBBHRqIQT9DAAAAAAAAAAAAAAAAAAAAAAhBQNAIAUgAP0AAAD9DAoKCgoKCgoKCgoKCgoKCgr9I/1xIQUgAEEQaiEAIAAgBEkNAAsgBf19/X8hBSACIAX9GwAgBf0bAWogBf0bAiAF/RsDampqIQIMAAsLAkADQCAAIAFPDQEgAiAALQAAQQpGaiECIABBAWohAAwACwsgAgs=';
