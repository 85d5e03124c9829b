import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
// Stylesheets: the order is the cascade; later files may override earlier ones.
import './styles/base.css';
import './styles/watch.css';
import './styles/panels.css';
import './styles/account.css';
import './styles/player.css';
import './styles/controls.css';
import './styles/betting.css';
import './styles/my-bets.css';
import './styles/golive.css';
import './styles/operator.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
