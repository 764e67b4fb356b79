import { render } from 'preact';
import { App } from './app';
import { restoreSession } from './session';
import './styles.css';
import './work.css';
import './assessment.css';
import './coordination.css';

// The access token lives in memory only: learn from the refresh cookie whether someone is signed in, then render.
void restoreSession().finally(() => render(<App />, document.getElementById('app')!));
