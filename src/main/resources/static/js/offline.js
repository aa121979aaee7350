// The offline entry page (离线登记): entries are kept in this phone's IndexedDB with a key made here
// and the time they were made, then sent in one batch whenever there is signal; the server applies
// each key once. What the forms need (checkpoints, people under observation with masked names) is
// kept here too, refreshed whenever the page opens with signal. Signing out empties that data (shell.js);
// entries not yet sent stay, kept per user, until that user signs in again.
(function () {
  'use strict';
  var page = document.getElementById('offline');
  if (!page) { return; }
  var user = page.getAttribute('data-user');
  var db;

  function msg(name, arg) { return (page.getAttribute('data-msg-' + name) || '').replace('{0}', arg); }

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open('fangkong-offline', 1);
      req.onupgradeneeded = function () {
        var d = req.result;
        d.createObjectStore('queue', { keyPath: 'key' });
        d.createObjectStore('data', { keyPath: 'user' });
        d.createObjectStore('results', { keyPath: 'key' });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(store, mode, work) {
    return new Promise(function (resolve, reject) {
      var t = db.transaction(store, mode);
      var out = work(t.objectStore(store));
      t.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
      t.onerror = function () { reject(t.error); };
    });
  }

  function all(store) {
    return tx(store, 'readonly', function (s) { return s.getAll(); }).then(function (rows) {
      return (rows || []).filter(function (r) { return r.user === user; });
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  function showWaiting() {
    return all('queue').then(function (rows) {
      var badge = document.getElementById('waiting');
      badge.textContent = msg('waiting', rows.length);
      badge.hidden = rows.length === 0;
      badge.setAttribute('data-count', String(rows.length));
    });
  }

  function showNet(text) {
    document.getElementById('net').textContent = text || (navigator.onLine ? msg('online') : msg('offline'));
  }

  function fill(data) {
    var kinds = (data && data.kinds) || {};
    document.querySelectorAll('select[data-list]').forEach(function (select) {
      var items = kinds[select.getAttribute('data-list')] || [];
      select.innerHTML = '';
      items.forEach(function (it) {
        var o = document.createElement('option');
        o.value = it.id;
        o.textContent = it.name + (it.place ? ' · ' + it.place : '');
        select.appendChild(o);
      });
    });
    document.getElementById('refreshed').textContent = data ? msg('refreshed', new Date(data.refreshedAt).toLocaleString()) : msg('never');
  }

  function refresh() {
    return fetch('/offline/data', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok || r.redirected || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error('no data'); }
        return r.json();
      })
      .then(function (data) {
        data.user = user;
        return tx('data', 'readwrite', function (s) { s.put(data); }).then(function () { fill(data); });
      })
      .catch(function () {
        return tx('data', 'readonly', function (s) { return s.get(user); }).then(fill);
      });
  }

  function showResults() {
    return all('results').then(function (rows) {
      // what needs the worker's attention first (conflicts, refusals), then the newest
      rows.sort(function (a, b) {
        var ca = a.outcome === 'STORED' ? 1 : 0, cb = b.outcome === 'STORED' ? 1 : 0;
        return ca !== cb ? ca - cb : (a.syncedAt < b.syncedAt ? 1 : -1);
      });
      var list = document.getElementById('results');
      list.innerHTML = '';
      rows.slice(0, 50).forEach(function (r) {
        var li = document.createElement('li');
        li.className = 'result-' + r.outcome.toLowerCase();
        li.setAttribute('data-key', r.key);
        li.textContent = r.message;
        list.appendChild(li);
      });
    });
  }

  var syncing = false;
  function sync() {
    if (syncing) { return Promise.resolve(); }
    syncing = true;
    return all('queue').then(function (rows) {
      if (rows.length === 0) { return null; }
      rows.sort(function (a, b) { return a.enteredAt < b.enteredAt ? -1 : 1; });
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      headers[page.getAttribute('data-csrf-header')] = page.getAttribute('data-csrf');
      return fetch('/offline/sync', {
        method: 'POST', credentials: 'same-origin', headers: headers,
        body: JSON.stringify({ entries: rows.map(function (e) {
          return { key: e.key, kind: e.kind, enteredAt: e.enteredAt, payload: e.payload };
        }) })
      }).then(function (r) {
        if (r.redirected || r.status === 401 || r.status === 403) {
          showNet(msg('signin'));
          return null;
        }
        if (!r.ok) { return null; }
        return r.json().then(function (answer) {
          var now = new Date().toISOString();
          return tx('queue', 'readwrite', function (q) {
            // a FAILED entry stays queued and goes again with the next sync
            answer.results.forEach(function (res) { if (res.outcome !== 'FAILED') { q.delete(res.key); } });
          }).then(function () {
            return tx('results', 'readwrite', function (s) {
              answer.results.forEach(function (res) {
                s.put({ key: res.key, user: user, outcome: res.outcome, message: res.message, syncedAt: now });
              });
            });
          }).then(function () { showNet(); });
        });
      });
    }).catch(function () { /* no signal: the entries wait */ })
      .then(function () { syncing = false; return Promise.all([showWaiting(), showResults()]); });
  }

  function payload(form) {
    var kind = form.getAttribute('data-kind');
    var f = new FormData(form);
    if (kind === 'passage') {
      return { checkpoint: Number(f.get('checkpoint')), direction: f.get('direction'), name: f.get('name') || null,
        phone: f.get('phone') || null, temperature: f.get('temperature') };
    }
    if (kind === 'reading') { return { order: Number(f.get('order')), temperature: f.get('temperature') }; }
    if (kind === 'handOut') {
      return { order: Number(f.get('order')), paid: f.get('paid') || null, received: f.get('notReceived') !== 'true' };
    }
    if (kind === 'resident') {
      return { household: Number(f.get('household')), name: f.get('name'), idNumber: f.get('idNumber') || null,
        phone: f.get('phone') || null, relation: f.get('relation') };
    }
    return {};
  }

  function save(event) {
    event.preventDefault();
    var form = event.target;
    var entry = { key: newKey(), user: user, kind: form.getAttribute('data-kind'), enteredAt: new Date().toISOString(),
      payload: payload(form) };
    tx('queue', 'readwrite', function (q) { q.put(entry); }).then(function () {
      form.querySelectorAll('input[name=name], input[name=phone], input[name=temperature], input[name=idNumber], input[name=paid]')
        .forEach(function (i) { i.value = ''; });
      showNet(msg('saved'));
      return showWaiting();
    }).then(function () { if (navigator.onLine) { sync(); } });
  }

  open().then(function (d) {
    db = d;
    document.querySelectorAll('form[data-kind]').forEach(function (f) { f.addEventListener('submit', save); });
    document.getElementById('sync-now').addEventListener('click', sync);
    document.getElementById('refresh').addEventListener('click', refresh);
    window.addEventListener('online', function () { showNet(); sync(); });
    window.addEventListener('offline', function () { showNet(); });
    showNet();
    return Promise.all([refresh(), showWaiting(), showResults()]);
  }).then(function () {
    page.setAttribute('data-ready', 'true');
    if (navigator.onLine) { sync(); }
  });
  if ('serviceWorker' in navigator) { navigator.serviceWorker.register('/sw.js', { scope: '/' }); }
}());
