// The shell on phones: the navigation folds behind a menu button. Loaded in <head> (not deferred) so
// the page is marked as scripted before it is drawn and the folded menu never flashes open; without
// script the navigation simply stays open.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  // signed out (or sent to sign in): the offline page's kept data and files go; unsent entries stay (offline.js)
  if (window.location.pathname === '/login') {
    if (window.caches) { caches.delete('fangkong-offline-v1'); }
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage('signed-out');
    }
    if (window.indexedDB) {
      var req = indexedDB.open('fangkong-offline', 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore('queue', { keyPath: 'key' });
        req.result.createObjectStore('data', { keyPath: 'user' });
        req.result.createObjectStore('results', { keyPath: 'key' });
      };
      req.onsuccess = function () {
        var t = req.result.transaction(['data', 'results'], 'readwrite');
        t.objectStore('data').clear();
        t.objectStore('results').clear();
      };
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.menu-button');
    var menu = document.getElementById('menu');
    if (!button || !menu) { return; }
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      menu.classList.toggle('open', open);
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && menu.classList.contains('open')) {
        button.setAttribute('aria-expanded', 'false');
        menu.classList.remove('open');
        button.focus();
      }
    });
  });
}());
