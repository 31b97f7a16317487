import { render } from 'preact';
import { App } from './app';
// After the app's modules, so that its rules come after those of the libraries they import (uPlot's) and win over them.
import './styles.css';

render(<App />, document.getElementById('app')!);
