import { render } from 'preact';
import { App } from './app';
import './styles.css';
import './work.css';
import './assessment.css';
import './coordination.css';

render(<App />, document.getElementById('app')!);
