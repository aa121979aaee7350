// Fangkong's service worker: keeps the offline entry page and its files so the page opens without
// signal. It keeps nothing else: other pages go to the network as before, and the data the page needs
// (masked) lives in the page's IndexedDB, not here. Signing out empties this cache (js/shell.js).
'use strict';
var CACHE = 'fangkong-offline-v1';
// cache writes one after another, so a sign-out's delete comes after any write already under way
var pending = Promise.resolve();
function later(work) {
  pending = pending.then(work).catch(function () { return null; });
  return pending;
}
var SHELL = ['/offline', '/css/fangkong.css', '/js/shell.js', '/js/offline.js', '/icons/icon.svg', '/icons/icon-192.png',
  '/manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || SHELL.indexOf(url.pathname) < 0) {
    return; // the network, as without a service worker
  }
  // the network first (fresh page, fresh CSRF token); the kept copy when there is no signal. Opening the page
  // (re)fills the cache; other files only refresh a cache that exists, so signing out (which deletes it) sticks
  var isPage = url.pathname === '/offline';
  event.respondWith(fetch(event.request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      if (isPage) {
        later(function () {
          return caches.open(CACHE).then(function (c) {
            return c.put(url.pathname, copy).then(function () {
              return c.addAll(SHELL.filter(function (p) { return p !== '/offline'; }));
            });
          });
        });
      } else {
        later(function () {
          return caches.has(CACHE).then(function (has) {
            return has && caches.open(CACHE).then(function (c) { return c.put(url.pathname, copy); });
          });
        });
      }
    }
    return response;
  }).catch(function () {
    return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
  }));
});

// signed out (the sign-in page says so): the cache goes once every write under way has finished
self.addEventListener('message', function (event) {
  if (event.data === 'signed-out') {
    event.waitUntil(later(function () { return caches.delete(CACHE); }));
  }
});
