import type cytoscape from 'cytoscape';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { settingsFromHash } from './state/settings';
import { App } from './ui/App';
import { createAutomationHook, type PlaygroundHook } from './ui/automation';
import { PlaygroundContext } from './ui/context';
import { PlaygroundController } from './ui/controller';
import { createPlaygroundStore } from './ui/store';
import './ui/styles.css';

declare global {
  interface Window {
    playground: PlaygroundHook;
  }
}

const { settings, warnings } = settingsFromHash(location.hash);
const store = createPlaygroundStore(settings, warnings);
const controller = new PlaygroundController(store);
let cy: cytoscape.Core | null = null;
window.playground = createAutomationHook(controller, () => cy);
controller.syncHash();
window.addEventListener('hashchange', () => void controller.applyHash(location.hash));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundContext.Provider value={{ store, controller }}>
      <App onNetwork={(c) => (cy = c)} />
    </PlaygroundContext.Provider>
  </StrictMode>,
);
void controller.start();
