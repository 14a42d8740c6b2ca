/** Cytoscape rules for the stepper's highlights (classes set by networkHighlight.ts). */
import type cytoscape from 'cytoscape';

const FOCUS = '#111111';
const SENDER = '#f28e2b';
const PARTNER = '#8e44ad';
const RINGS = ['#f28e2b', '#59a14f', '#76b7b2'];

export const TEACH_STYLE: cytoscape.StylesheetJson = [
  { selector: '.teach-dim', style: { opacity: 0.18 } },
  { selector: 'node.teach-ring1', style: { 'border-color': RINGS[0], 'border-width': 3 } },
  { selector: 'node.teach-ring2', style: { 'border-color': RINGS[1], 'border-width': 3 } },
  { selector: 'node.teach-ring3, node.teach-ringn', style: { 'border-color': RINGS[2], 'border-width': 3 } },
  {
    selector: 'node.teach-sender',
    style: { 'border-color': SENDER, 'border-width': 3, width: 16, height: 16, 'font-size': 11, 'font-weight': 'bold', 'z-index': 20 },
  },
  { selector: 'node.teach-why', style: { 'border-color': '#b2182b', 'border-width': 3, 'z-index': 20, 'font-size': 11 } },
  {
    selector: 'node.teach-partner',
    style: { 'border-color': PARTNER, 'border-width': 4, width: 20, height: 20, 'font-size': 12, 'font-weight': 'bold', 'z-index': 30 },
  },
  { selector: 'node.teach-hover', style: { 'border-color': '#000', 'border-width': 4, width: 20, height: 20, 'font-size': 12, 'z-index': 30 } },
  {
    selector: 'node.teach-focus',
    style: { 'border-color': FOCUS, 'border-width': 4, width: 24, height: 24, 'font-size': 13, 'font-weight': 'bold', 'z-index': 40 },
  },
  {
    selector: 'edge.teach',
    style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'arrow-scale': 1.2, 'z-index': 30, opacity: 1 },
  },
  {
    selector: 'edge.teach-flow',
    style: { 'line-color': SENDER, 'target-arrow-color': SENDER, width: 3, 'line-style': 'dashed', 'line-dash-pattern': [8, 4] },
  },
  { selector: 'edge.teach-msg', style: { 'line-color': SENDER, 'target-arrow-color': SENDER, width: 2.5 } },
  { selector: 'edge.teach-pair', style: { 'line-color': PARTNER, 'target-arrow-shape': 'none', width: 3, 'line-style': 'dashed' } },
  {
    selector: 'edge.teach-whyedge',
    style: {
      'line-color': '#b2182b',
      'target-arrow-color': '#b2182b',
      width: 'mapData(share, 0, 0.5, 1.5, 8)',
      label: 'data(label)',
      'font-size': 10,
      color: '#7a0f1d',
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
];
