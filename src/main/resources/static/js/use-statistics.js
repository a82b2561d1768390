// The use statistics' chart (ECharts), drawn from the figures' table the page already shows: the table stays the
// page for readers without JavaScript and for screen readers; the chart is an aid beside it.
(function () {
  'use strict';

  function draw() {
    var table = document.getElementById('use-figures');
    var box = document.getElementById('use-chart');
    if (!table || !box || typeof window.echarts === 'undefined') {
      return;
    }
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length === 0) {
      return;
    }
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    function column(i) {
      return rows.map(function (r) { return Number(r.cells[i].textContent.trim()) || 0; });
    }
    // persons served, files, items, certificates as bars; pages copied as a line on an axis of its own
    var bars = [1, 2, 3, 7].map(function (i) {
      return { name: headings[i], type: 'bar', data: column(i) };
    });
    var pages = { name: headings[4], type: 'line', yAxisIndex: 1, data: column(4), smooth: true };
    box.hidden = false;
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      dataZoom: rows.length > 40 ? [{ type: 'slider', bottom: 10 }] : [],
      series: bars.concat([pages])
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
