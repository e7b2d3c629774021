import type { PropsWithChildren } from 'react';
import './lib/zod-locale';
import { installPrivacyHandler } from './lib/privacy';
import { initCloud } from './services/cloud-init';
import './app.css';

initCloud();
installPrivacyHandler();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
