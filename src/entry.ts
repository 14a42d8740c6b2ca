/**
 * The page's entry: first cross-origin isolation (src/ui/crossOriginIsolation.ts), then the app. The
 * app is imported only afterwards, so a first visit that reloads through the service worker has not
 * downloaded the app for nothing.
 */
import { settingsFromHash } from './settings/urlHash';
import { ensureCrossOriginIsolation } from './ui/crossOriginIsolation';

const isolation = await ensureCrossOriginIsolation(settingsFromHash(location.hash).settings.isolation === 'off');
const { startApp } = await import('./main');
startApp(isolation);
