import { render } from 'preact';
import { App, preloadPage } from './app';
import { catalogueReady } from './i18n';
import { restoreSession } from './session';
// What every page needs; each page's own styles come with its chunk (Vite splits CSS per dynamic import).
import './styles.css';
import './shell.css';

// The access token lives in memory only: learn from the refresh cookie whether someone is signed in, then
// render. The page's chunk (and the French catalogue, when French is the language) load meanwhile.
preloadPage(window.location.pathname);
void Promise.allSettled([restoreSession(), catalogueReady]).then(() =>
  render(<App />, document.getElementById('app')!),
);
