// The dashboard's county map (Apache ECharts): counties of the province or a city, coloured by the
// chosen layer. The counties and their bins come from the page's JSON data block, the shapes from
// /geo/shandong-counties.json, the colours from the legend's swatches; a click opens the county.
(function () {
  'use strict';
  var el = document.getElementById('county-map');
  var block = document.getElementById('dashboard-data');
  if (!el || !block || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(block.textContent).map;
  if (!data) { return; }
  var dark = document.body.classList.contains('wall');
  var colours = {};
  document.querySelectorAll('#map-legend .swatch').forEach(function (s) {
    colours[s.getAttribute('data-bin')] = window.getComputedStyle(s).backgroundColor;
  });
  var top = Object.keys(colours).length - 1;
  el.textContent = el.getAttribute('data-loading');

  function escape(text) {
    var d = document.createElement('div');
    d.textContent = text;
    return d.innerHTML;
  }

  fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('map shapes: HTTP ' + r.status); } return r.json(); })
    .then(function (geo) {
      var features = geo.features.filter(function (f) { return f.properties.code.indexOf(data.code) === 0; });
      var name = 'fangkong-' + data.code;
      echarts.registerMap(name, { type: 'FeatureCollection', features: features });
      el.textContent = '';
      var chart = echarts.init(el, dark ? 'dark' : null, { renderer: 'svg' });
      var byCode = {};
      data.areas.forEach(function (a) { byCode[a.code] = a; });
      chart.setOption({
        backgroundColor: 'transparent',
        tooltip: {
          trigger: 'item',
          formatter: function (p) { var a = byCode[p.name]; return a ? escape(a.tip) : ''; }
        },
        series: [{
          type: 'map', map: name, nameProperty: 'code', roam: false, selectedMode: false,
          layoutCenter: ['50%', '50%'], layoutSize: '98%',
          // a city's few counties are all named; on the province only those in the top bin (the high-risk counties)
          label: {
            show: features.length <= 20,
            formatter: function (p) { var a = byCode[p.name]; return a ? a.name : ''; },
            fontSize: dark ? 13 : 11, color: dark ? '#f2f5f8' : '#1d2329'
          },
          itemStyle: { borderColor: dark ? '#0d141b' : '#ffffff', borderWidth: 0.8 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: dark ? '#6cb4ff' : '#0b5cad' } },
          data: data.areas.map(function (a) {
            var item = { name: a.code, itemStyle: { areaColor: colours[String(a.bin)] } };
            if (features.length > 20 && a.bin === top && top > 0) { item.label = { show: true, fontWeight: 'bold' }; }
            return item;
          })
        }]
      });
      chart.on('click', function (p) {
        if (byCode[p.name]) {
          window.location.href = el.getAttribute('data-href') + '?jurisdiction=' + encodeURIComponent(p.name)
            + el.getAttribute('data-keep');
        }
      });
      window.addEventListener('resize', function () { chart.resize(); });
      el.setAttribute('data-rendered', String(features.length));
    })
    .catch(function (e) { el.textContent = e.message; el.setAttribute('data-rendered', 'error'); });
}());
