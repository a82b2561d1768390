// A room's climate chart (ECharts): temperature and relative humidity over the chosen range, each with its room
// kind's norm as a band; raw readings for a week or less (one line per sensor), else each day's min, max and average
// from the rollup.
(function () {
  'use strict';

  function band(min, max, axis, name) {
    return {
      name: name, type: 'line', yAxisIndex: axis, data: [], silent: true,
      markArea: { itemStyle: { opacity: 0.12 }, data: [[{ yAxis: Number(min) }, { yAxis: Number(max) }]] }
    };
  }

  function draw(box, data) {
    var t = box.getAttribute('data-temperature');
    var h = box.getAttribute('data-humidity');
    var normName = box.getAttribute('data-norm');
    var series;
    if (data.resolution === 'raw') {
      // one temperature and one humidity line per sensor: two sensors' readings are never joined into one line
      series = [];
      data.sensors.forEach(function (sensor) {
        var own = data.readings.filter(function (r) { return r.sensor === sensor; });
        series.push({ name: t + ' (' + sensor + ')', type: 'line', showSymbol: false, yAxisIndex: 0,
          data: own.map(function (r) { return [r.at, Number(r.temperature)]; }) });
        series.push({ name: h + ' (' + sensor + ')', type: 'line', showSymbol: false, yAxisIndex: 1,
          data: own.map(function (r) { return [r.at, Number(r.humidity)]; }) });
      });
    } else {
      function line(name, field, axis, dashed) {
        return { name: name, type: 'line', showSymbol: false, yAxisIndex: axis,
          lineStyle: dashed ? { type: 'dashed', width: 1 } : {},
          data: data.days.map(function (d) { return [d.day, Number(d[field])]; }) };
      }
      series = [
        line(t, 'averageTemperature', 0, false), line(t + ' min', 'minTemperature', 0, true),
        line(t + ' max', 'maxTemperature', 0, true),
        line(h, 'averageHumidity', 1, false), line(h + ' min', 'minHumidity', 1, true),
        line(h + ' max', 'maxHumidity', 1, true)
      ];
    }
    series.push(band(data.norm.minTemperature, data.norm.maxTemperature, 0, normName + ' ℃'));
    series.push(band(data.norm.minHumidity, data.norm.maxHumidity, 1, normName + ' %'));
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 60 },
      xAxis: { type: 'time' },
      yAxis: [{ type: 'value', name: '℃', scale: true }, { type: 'value', name: '%', scale: true, splitLine: { show: false } }],
      dataZoom: [{ type: 'slider', bottom: 10 }],
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    var box = document.getElementById('climate-chart');
    if (!box || typeof window.echarts === 'undefined') {
      return;
    }
    fetch(box.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(box, data); } });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
