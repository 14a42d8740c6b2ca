/** Cytoscape style sheet: colours come from element data, so a recolour is one batched data update. */
import type cytoscape from 'cytoscape';
import { CANDIDATE_COLOR } from './colorScale';
import { TEACH_STYLE } from './teach/networkTeachStyle';

export const NETWORK_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      label: 'data(label)',
      'font-size': 9,
      color: '#222',
      'text-valign': 'bottom',
      'text-margin-y': 2,
      width: 12,
      height: 12,
      'border-width': 1,
      'border-color': '#ffffff',
      'min-zoomed-font-size': 7,
    },
  },
  {
    selector: 'edge.known',
    style: { 'line-color': 'data(color)', width: 'data(w)', opacity: 0.85, 'curve-style': 'haystack' },
  },
  {
    selector: 'edge.candidate',
    style: {
      'line-color': CANDIDATE_COLOR,
      'line-style': 'dashed',
      width: 2.5,
      opacity: 0.95,
      'curve-style': 'straight',
      'z-index': 10,
    },
  },
  { selector: 'node.unlabelled', style: { label: '', 'border-width': 0 } },
  // Big views: one width for all known edges, so a recolour never changes an edge's bounds.
  { selector: 'edge.known.thin', style: { width: 1 } },
  { selector: 'node:selected', style: { 'border-color': '#000', 'border-width': 2, label: 'data(label)' } },
  ...TEACH_STYLE,
];
