// The GEXF writer alone: graphology-gexf's browser entry also loads a parser that needs a global DOMParser, absent in Node.
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writer: typeof write;
  export default writer;
}
