/** The app's version (package.json), written into saved models and run cards. A named import keeps the rest of package.json out of the bundle. */
import { version } from '../package.json';

export const APP_VERSION: string = version;
