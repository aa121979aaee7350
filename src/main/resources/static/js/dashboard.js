// The dashboard's three trend charts (Apache ECharts). Data and labels come from the page: the
// series in a JSON data block, the words in data- attributes (no inline script under the CSP).
(function () {
  'use strict';
  var block = document.getElementById('dashboard-data');
  if (!block || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(block.textContent);
  var dark = document.body.classList.contains('wall');
  var colours = { red: '#c62828', amber: '#9a5b00', green: '#1b7f3b', blue: '#0b5cad', grey: '#66707a' };
  if (dark) { colours = { red: '#ff6b6b', amber: '#ffc046', green: '#5ee08a', blue: '#6cb4ff', grey: '#b0bac4' }; }
  var charts = [];

  function chart(id, series, days, percent) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el, dark ? 'dark' : null, { renderer: 'svg' });
    c.setOption({
      backgroundColor: 'transparent',
      title: { text: el.dataset.title, left: 0, textStyle: { fontSize: dark ? 20 : 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: dark ? 30 : 24, textStyle: { fontSize: dark ? 16 : 12 } },
      grid: { left: 16, right: 12, top: dark ? 72 : 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days, axisLabel: { fontSize: dark ? 14 : 11 } },
      yAxis: { type: 'value', minInterval: 1, max: percent ? 100 : null, axisLabel: { fontSize: dark ? 14 : 11 } },
      series: series
    });
    el.setAttribute('data-rendered', 'true');
    charts.push(c);
  }

  function days(rows) { return rows.map(function (r) { return r.day.substring(5); }); }
  function col(rows, key) { return rows.map(function (r) { return Number(r[key]); }); }

  var cases = document.getElementById('chart-cases');
  if (cases) {
    chart('chart-cases', [
      { name: cases.dataset.new, type: 'bar', data: col(data.cases, 'newConfirmed'), itemStyle: { color: colours.red } },
      { name: cases.dataset.confirmed, type: 'line', data: col(data.cases, 'confirmed'), itemStyle: { color: colours.amber } },
      { name: cases.dataset.cured, type: 'line', data: col(data.cases, 'cured'), itemStyle: { color: colours.green } }
    ], days(data.cases));
  }
  var reports = document.getElementById('chart-reports');
  if (reports) {
    chart('chart-reports', [
      { name: reports.dataset.completeness, type: 'line', data: col(data.reports, 'completeness'), itemStyle: { color: colours.blue } },
      { name: reports.dataset.timeliness, type: 'line', data: col(data.reports, 'timeliness'), itemStyle: { color: colours.green } }
    ], days(data.reports), true);
  }
  var risk = document.getElementById('chart-risk');
  if (risk) {
    chart('chart-risk', [
      { name: risk.dataset.high, type: 'bar', stack: 'l', data: col(data.risk, 'high'), itemStyle: { color: colours.red } },
      { name: risk.dataset.medium, type: 'bar', stack: 'l', data: col(data.risk, 'medium'), itemStyle: { color: colours.amber } },
      { name: risk.dataset.low, type: 'bar', stack: 'l', data: col(data.risk, 'low'), itemStyle: { color: colours.green } }
    ], days(data.risk));
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  // the wall screen stays current by itself: a fresh page every five minutes
  if (dark) { window.setTimeout(function () { window.location.reload(); }, 5 * 60 * 1000); }
}());
