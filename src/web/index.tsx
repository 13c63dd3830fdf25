import { createRoot } from 'react-dom/client';
import { pickStrings } from '../i18n/strings';
import { setHost } from '../taskpane/loadController';
import { loadBookHost } from './loadBookHost';
import { WebApp } from './WebApp';
import { pickWebStrings } from './webStrings';

// The browser's language stands for Office's display language: Chinese unless it is another one.
const strings = pickStrings(
  new URLSearchParams(window.location.search).get('lang') ?? navigator.language,
);
setHost(loadBookHost);
document.documentElement.lang = strings.lang;
document.title = `${strings.appTitle} · ${pickWebStrings(strings.lang).edition}`;
createRoot(document.getElementById('root')!).render(
  <WebApp strings={strings} web={pickWebStrings(strings.lang)} />,
);
