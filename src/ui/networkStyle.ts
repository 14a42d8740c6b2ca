/** Cytoscape style sheet of the drugs (the interactions are drawn by network/edgeLayer.ts) and the stepper's overlays. */
import type cytoscape from 'cytoscape';
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
  // Typed graphs only: a node kind's shape (data set by NetworkView; untyped nodes have none and stay circles).
  { selector: 'node[shape]', style: { shape: (n: cytoscape.NodeSingular) => n.data('shape') as cytoscape.Css.NodeShape } },
  { selector: 'node.unlabelled', style: { label: '', 'border-width': 0 } },
  { selector: 'node:selected', style: { 'border-color': '#000', 'border-width': 2, label: 'data(label)' } },
  ...TEACH_STYLE,
];
