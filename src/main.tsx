import type cytoscape from 'cytoscape';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { settingsFromHash } from './settings/urlHash';
import { App } from './ui/App';
import { createAutomationHook, type PlaygroundHook } from './ui/automation';
import type { IsolationState } from './ui/crossOriginIsolation';
import { PlaygroundContext } from './ui/context';
import { PlaygroundController } from './ui/controller';
import { DataLoader } from './ui/dataLoader';
import { SavedWorkContext } from './ui/savedWork/context';
import { SavedWork } from './ui/savedWork/savedWork';
import { createPlaygroundStore } from './ui/store';
import { TeachContext } from './ui/teach/context';
import { TeachController } from './ui/teach/teachController';
import { TeachBar } from './ui/teach/TeachBar';
import { TeachLayer } from './ui/teach/TeachLayer';
import './ui/styles.css';

declare global {
  interface Window {
    playground: PlaygroundHook;
  }
}

/** Starts the page (entry.ts calls it once the page is cross-origin isolated or knows why not). */
export function startApp(isolation: IsolationState): void {
  const { settings, warnings } = settingsFromHash(location.hash);
  const store = createPlaygroundStore(settings, warnings, isolation);
  const controller = new PlaygroundController(store);
  const loader = new DataLoader(controller);
  controller.datasetSource = loader;
  const teach = new TeachController(controller);
  let cy: cytoscape.Core | null = null;
  let firstLoadDone: () => void = () => undefined;
  const savedWork = new SavedWork(controller, new Promise<void>((resolve) => (firstLoadDone = resolve)));
  window.playground = createAutomationHook(controller, loader, () => cy, teach, savedWork);
  controller.syncHash();
  window.addEventListener('hashchange', () => void controller.applyHash(location.hash));

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PlaygroundContext.Provider value={{ store, controller, loader }}>
        <SavedWorkContext.Provider value={savedWork}>
          <TeachContext.Provider value={teach}>
            <App
              headerExtra={<TeachBar />}
              exportContext={{ store, controller, getCy: () => cy }}
              onNetwork={(c) => {
                cy = c;
                teach.setNetwork(c);
              }}
            />
            <TeachLayer />
          </TeachContext.Provider>
        </SavedWorkContext.Provider>
      </PlaygroundContext.Provider>
    </StrictMode>,
  );
  // `?data=<url>&data=<url>` loads those files (they must allow cross-origin reads); else the built-in set.
  const query = new URLSearchParams(location.search);
  const dataUrls = query.getAll('data');
  const firstLoad = dataUrls.length > 0 ? controller.initBackend().then(() => loader.loadUrls(dataUrls)) : controller.start();
  const modelUrl = query.get('model');
  if (modelUrl) void firstLoad.then(() => controller.loadModelUrl(modelUrl));
  void firstLoad.finally(firstLoadDone);
  // Saved work is offered unless the URL asked for other data or a model (`?data=`, `?model=`): that link is what the user opened.
  void savedWork.init(dataUrls.length === 0 && !modelUrl);
}
