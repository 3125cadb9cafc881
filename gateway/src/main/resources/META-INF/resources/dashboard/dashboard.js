'use strict';
// The shop's KPIs from the gateway's own API (same origin). Every shown number carries its raw
// API value in data-value, so that a test can compare the page with the API.
(function () {
  const params = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const today = new Date();
  const iso = (d) => d.toISOString().slice(0, 10);
  const weekAgo = new Date(today.getTime() - 6 * 86400000);
  $('shop').value = params.get('shop') || localStorage.getItem('storeops.shop') || 'demo-shop';
  $('from').value = params.get('from') || iso(weekAgo);
  $('to').value = params.get('to') || iso(today);
  $('token').value = params.get('token') || sessionStorage.getItem('storeops.token') || '';

  const charts = {};
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  const percent = (v) => v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(2) + '%';
  const money = (v) => v === null || v === undefined ? '–' : '¥' + Number(v).toFixed(2);
  const plain = (v) => v === null || v === undefined ? '–' : String(v);
  const FORMAT = { paidAmount: money, averageOrderValue: money, paymentConversionRate: percent,
                   channelRoi: (v) => v === null || v === undefined ? '–' : '1:' + Number(v).toFixed(2) };

  function cell(value, format) {
    const td = document.createElement('td');
    td.textContent = (format || plain)(value);
    if (value !== undefined) td.dataset.value = value === null ? 'null' : String(value);
    return td;
  }

  function row(tbody, cells, attrs) {
    const tr = document.createElement('tr');
    Object.entries(attrs || {}).forEach(([k, v]) => tr.dataset[k] = v);
    cells.forEach((c) => tr.appendChild(c));
    tbody.appendChild(tr);
  }

  class HttpError extends Error {
    constructor(status, problem) { super(problem && problem.detail || ('HTTP ' + status)); this.status = status; }
  }

  async function api(path) {
    const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
    const shop = encodeURIComponent($('shop').value.trim());
    const res = await fetch('/shops/' + shop + path, {
      headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + token } });
    if (!res.ok) {
      let problem = null;
      try { problem = await res.json(); } catch (e) { /* not a problem document */ }
      throw new HttpError(res.status, problem);
    }
    return res.json();
  }

  function showMessage(text) {
    $('message').textContent = text;
    $('message').hidden = !text;
  }

  function explain(error) {
    if (error.status === 401) return '401 未登录或令牌无效/已过期：请粘贴有效的令牌 (a valid bearer token is required).';
    if (error.status === 403) return '403 无权查看该店铺的数据：令牌不包含此店铺或缺少 analyst / operator 角色 (this token may not read this shop).';
    if (error.status === 400) return '400 查询参数有误：' + error.message;
    if (error.status === 503) return '503 服务暂不可用：所有后端服务均无应答 (no service answered).';
    return '加载失败 (load failed): ' + error.message;
  }

  function renderTiles(overview) {
    document.querySelectorAll('[data-kpi]').forEach((el) => {
      const key = el.dataset.kpi;
      const has = Object.prototype.hasOwnProperty.call(overview.metrics, key);
      const value = has ? overview.metrics[key] : undefined;
      el.textContent = has ? (FORMAT[key] || plain)(value) : '缺失';
      el.dataset.value = has ? (value === null ? 'null' : String(value)) : 'missing';
    });
  }

  function renderFunnel(funnel, overview) {
    $('funnel-people').textContent = funnel.visitors === null ? '' : '人数 people ' + funnel.visitors;
    $('funnel-people').dataset.value = String(funnel.visitors);
    const tbody = $('funnel-table').querySelector('tbody');
    tbody.innerHTML = '';
    funnel.layers.forEach((l) => row(tbody, [cell(l.key), cell(l.value, percent), cell(l.numerator), cell(l.denominator)],
      { layer: l.key }));
    const find = (k) => funnel.layers.find((l) => l.key === k);
    const stages = [];
    if (funnel.visitors !== null) stages.push({ name: '访客 people', value: funnel.visitors });
    if (find('effectiveEntryRate')) stages.push({ name: '有效入店 effective', value: find('effectiveEntryRate').numerator });
    if (find('consultationRate')) stages.push({ name: '咨询 consulted', value: find('consultationRate').numerator });
    if (overview.metrics.orderBuyers !== undefined) stages.push({ name: '下单 ordered', value: Number(overview.metrics.orderBuyers) });
    if (funnel.paidBuyers !== null) stages.push({ name: '支付 paid', value: funnel.paidBuyers });
    chart('funnel-chart').setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', min: 0,
                 max: stages.length ? stages[0].value : 1, label: { show: true, position: 'inside', formatter: '{b}: {c}' },
                 data: stages }]
    }, true);
  }

  function renderDaily(daily) {
    const dates = daily.days.map((d) => d.date);
    const series = (key) => daily.days.map((d) => d.metrics[key] === undefined || d.metrics[key] === null ? null : Number(d.metrics[key]));
    chart('daily-chart').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['访客数 visitors', '支付金额 paidAmount', '支付转化率 conversion'] },
      xAxis: { type: 'category', data: dates },
      yAxis: [{ type: 'value', name: '人 / ¥' }, { type: 'value', name: '%', axisLabel: { formatter: (v) => (v * 100).toFixed(0) + '%' } }],
      series: [
        { name: '访客数 visitors', type: 'bar', data: series('visitors') },
        { name: '支付金额 paidAmount', type: 'line', data: series('paidAmount') },
        { name: '支付转化率 conversion', type: 'line', yAxisIndex: 1, data: series('paymentConversionRate') }
      ]
    }, true);
    document.body.dataset.dailyDays = String(dates.length);
  }

  function renderAgents(agents) {
    const tbody = $('agents-table').querySelector('tbody');
    tbody.innerHTML = '';
    agents.agents.forEach((a) => row(tbody, [cell(a.agentId), cell(a.receivedBuyers), cell(a.replyRate, percent),
      cell(a.firstResponseSeconds), cell(a.inquiries), cell(a.inquiryConversionRate, percent),
      cell(a.inquiryFinalPaymentRate, percent), cell(a.creditedSales, money)], { agent: a.agentId }));
    const h = agents.last28Days;
    $('agents-headline').textContent = '近28天 询单 ' + plain(h.inquiries) + ' · 转化 ' + percent(h.inquiryConversionRate)
      + ' · 最终付款 ' + percent(h.inquiryFinalPaymentRate);
  }

  function renderChannels(channels) {
    const tbody = $('channels-table').querySelector('tbody');
    tbody.innerHTML = '';
    channels.channels.forEach((c) => row(tbody, [cell(c.channel), cell(c.visitors), cell(c.paidBuyers),
      cell(c.paidAmount, money), cell(c.spend, money), cell(c.roi), cell(c.grade)], { channel: c.channel }));
    chart('channels-chart').setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { bottom: 80 },
      legend: { data: ['支付金额 paidAmount', '花费 spend'] },
      xAxis: { type: 'category', data: channels.channels.map((c) => c.channel), axisLabel: { rotate: 30, fontSize: 10 } },
      yAxis: { type: 'value', name: '¥' },
      series: [{ name: '支付金额 paidAmount', type: 'bar', data: channels.channels.map((c) => Number(c.paidAmount)) },
               { name: '花费 spend', type: 'bar', data: channels.channels.map((c) => Number(c.spend)) }]
    }, true);
  }

  function renderAlerts(alerts) {
    const ul = $('alerts');
    ul.innerHTML = '';
    const count = (node) => node === null || node === undefined ? null
      : Array.isArray(node) ? node.length : Array.isArray(node.items) ? node.items.length
      : Object.values(node).find(Array.isArray) ? Object.values(node).find(Array.isArray).length : 0;
    const items = [
      ['lateShipmentRisks', '可能延迟发货的订单 orders at risk of late shipment'],
      ['paymentReminders', '即将关闭的未付款订单 unpaid orders near closing'],
      ['ticketsPastSla', '已超时工单 tickets past SLA'],
      ['ticketsNearSla', '即将超时工单 tickets near SLA'],
      ['openInvoices', '未开发票申请 open invoice requests']];
    items.forEach(([key, text]) => {
      const li = document.createElement('li');
      const n = count(alerts[key]);
      li.textContent = text + '：' + (n === null ? '缺失 missing' : n);
      li.dataset.alert = key;
      li.dataset.value = n === null ? 'missing' : String(n);
      ul.appendChild(li);
    });
    (alerts.dsrBelowTarget || []).forEach((d) => {
      const li = document.createElement('li');
      li.textContent = 'DSR ' + d.dimension + ' ' + d.value + ' < ' + d.target;
      li.dataset.alert = d.dimension;
      ul.appendChild(li);
    });
  }

  async function load() {
    document.body.dataset.state = 'loading';
    showMessage('');
    $('partial').hidden = true;
    const from = $('from').value, to = $('to').value;
    const period = '?from=' + from + '&to=' + to;
    localStorage.setItem('storeops.shop', $('shop').value);
    if ($('token').value) sessionStorage.setItem('storeops.token', $('token').value);
    try {
      const [overview, funnel, daily, agents, channels, alerts] = await Promise.all([
        api('/kpi/overview' + period), api('/kpi/funnel' + period), api('/kpi/daily' + period),
        api('/kpi/agents' + period), api('/kpi/channels' + period), api('/kpi/alerts')]);
      renderTiles(overview);
      renderFunnel(funnel, overview);
      renderDaily(daily);
      renderAgents(agents);
      renderChannels(channels);
      renderAlerts(alerts);
      const missing = [...new Set([].concat(overview.missing, funnel.missing, daily.missing, agents.missing,
        channels.missing, alerts.missing))];
      if (missing.length) {
        $('partial').textContent = '部分服务无应答，以下指标缺失 (partial answer, missing): ' + missing.join(', ');
        $('partial').hidden = false;
      }
      document.body.dataset.state = 'loaded';
    } catch (error) {
      showMessage(explain(error));
      document.body.dataset.state = 'error';
      document.body.dataset.status = String(error.status || '');
    }
  }

  $('controls').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  if ($('token').value) load(); else showMessage('请输入令牌 (paste a token with the analyst or operator role).');
})();
