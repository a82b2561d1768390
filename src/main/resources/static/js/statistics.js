// The director's dashboard charts (ECharts), drawn from the tables the page already shows: the tables stay the page
// for readers without JavaScript and for screen readers; the charts are an aid beside them.
(function () {
  'use strict';

  function figures(section) {
    var body = document.querySelector('#yearly-report tbody[data-section="' + section + '"]');
    if (!body) {
      return [];
    }
    return Array.prototype.map.call(body.querySelectorAll('tr[data-key]'), function (r) {
      return {
        key: r.getAttribute('data-key'),
        label: r.cells[0].textContent.trim(),
        value: Number(r.getAttribute('data-value')) || 0,
        previous: Number(r.getAttribute('data-previous')) || 0
      };
    });
  }

  function show(id, option) {
    var box = document.getElementById(id);
    if (!box) {
      return;
    }
    box.hidden = false;
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 80, containLabel: true } }, option));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // this year against the previous one, one bar pair per figure
  function compare(id, list) {
    var headings = document.querySelectorAll('#yearly-report thead th');
    show(id, {
      xAxis: { type: 'category', data: list.map(function (f) { return f.label; }),
        axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: headings[1].textContent.trim(), type: 'bar', data: list.map(function (f) { return f.value; }) },
        { name: headings[2].textContent.trim(), type: 'bar', data: list.map(function (f) { return f.previous; }) }
      ]
    });
  }

  function draw() {
    if (typeof window.echarts === 'undefined' || !document.getElementById('yearly-report')) {
      return;
    }
    compare('chart-holdings', figures('holdingsByCategory').filter(function (f) {
      return f.value > 0 || f.previous > 0;
    }));
    var months = Array.prototype.slice.call(document.querySelectorAll('#use-by-month tbody tr'));
    var heads = document.querySelectorAll('#use-by-month thead th');
    show('chart-use', {
      xAxis: { type: 'category', data: months.map(function (r) { return r.cells[0].textContent.trim(); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [1, 2, 3].map(function (i) {
        return { name: heads[i].textContent.trim(), type: i === 1 ? 'line' : 'bar',
          data: months.map(function (r) { return Number(r.cells[i].textContent.trim()) || 0; }) };
      })
    });
    compare('chart-stacks', figures('stacks').filter(function (f) {
      return ['outOfRange', 'swings', 'thinDays', 'safetyChecks', 'findings', 'incidents'].indexOf(f.key) >= 0;
    }));
    compare('chart-inspections', figures('inspections'));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
