// Activation Lab widgets over trained networks: training, hidden-units,
// activations; then mounting every widget of the page.

// ---- training -----------------------------------------------------------------

KINDS.training = function (root, spec) {
  var pal = spec.palette, frames = spec.frames, n = spec.cells, colors = colorsOf(pal);
  var train = unpack(spec.train), test = unpack(spec.test), s = { frame: frames.length - 1 };
  var body = el('div', { 'class': 'al-body' }, root);
  var left = el('div', { 'class': 'al-plots' }, body);
  var cv = canvas(left, 560, 440, 'the decision surface at the epoch shown');
  var plot = new Plot(cv, spec.range.x, spec.range.y);
  var cc = canvas(left, 560, 220, 'training and test loss by epoch, the epoch shown marked');
  var side = el('div', { 'class': 'al-side' }, body);
  var maxLoss = 0;
  spec.curves.train_loss.concat(spec.curves.test_loss).forEach(function (v) { maxLoss = Math.max(maxLoss, v); });
  frames.forEach(function (f) { maxLoss = Math.max(maxLoss, f.train_loss, f.test_loss); });
  var curves = new Plot(cc, [0, spec.epochs], [0, 1.08 * maxLoss], { margin: { l: 52, r: 14, t: 10, b: 40 } });
  var es = slider(side, 'epoch', 0, frames.length - 1, 1, s.frame, function (v) { s.frame = Math.round(v); draw(); },
    function (i) { return String(frames[Math.round(i)].epoch); });
  var buttons = el('div', { 'class': 'al-buttons' }, side);
  var timer = null;
  var play = button(buttons, 'Play', function () {
    if (timer) { stop(); return; }
    if (s.frame === frames.length - 1) { s.frame = 0; draw(); }
    play.textContent = 'Pause';
    timer = setInterval(function () {
      if (s.frame >= frames.length - 1) { stop(); return; }
      s.frame++; draw();
    }, 120);
  });
  function stop() { clearInterval(timer); timer = null; play.textContent = 'Play'; }
  var out = readout(side, [['epoch', 'epoch'], ['train_loss', 'training loss'], ['test_loss', 'test loss'],
    ['train_accuracy', 'training accuracy'], ['test_accuracy', 'test accuracy']]);
  legend(side, pal, spec.names, true);
  el('p', { 'class': 'al-note', text: 'Recorded every ' + spec.every + ' epochs. Below: the loss on the training data (blue) and on the test data (vermillion) after each epoch; the dots mark the epoch shown.' }, side);
  var raster = new Raster(n), levels = null;
  var api = {
    ready: Promise.all(frames.map(function (f) { return decodeLevels(f.surface, n); }))
      .then(function (all) { levels = all; draw(); })
  };
  function dataLayer(p) {
    p.points(train, pal, false, 3.4);
    p.points(test, pal, true, 3.4);
    p.axes(pal, spec.names.features[0], spec.names.features[1]);
  }
  function curveLayer(p) {
    var ctx = p.ctx;
    p.axes(pal, 'epoch', 'loss', true);
    [['train_loss', pal.classes[0]], ['test_loss', pal.classes[1]]].forEach(function (k) {
      var v = spec.curves[k[0]];
      p.clip();
      ctx.strokeStyle = k[1]; ctx.lineWidth = 2; ctx.lineJoin = 'round';
      ctx.beginPath();
      for (var e = 0; e < v.length; e++) {
        // v[e] is measured after epoch e + 1
        if (e === 0) { ctx.moveTo(p.X(1), p.Y(v[0])); } else { ctx.lineTo(p.X(e + 1), p.Y(v[e])); }
      }
      ctx.stroke();
      ctx.restore();
    });
  }
  function drawCurves(f) {
    var ctx = cc.ctx;
    curves.clear();
    curves.cached('curves', curveLayer);
    curves.clip();
    ctx.strokeStyle = pal.guide; ctx.lineWidth = 1.2; ctx.setLineDash([5, 4]);
    ctx.beginPath(); ctx.moveTo(curves.X(f.epoch), curves.py0); ctx.lineTo(curves.X(f.epoch), curves.py1); ctx.stroke();
    ctx.setLineDash([]);
    [[f.train_loss, pal.classes[0]], [f.test_loss, pal.classes[1]]].forEach(function (d) {
      ctx.fillStyle = d[1]; ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.arc(curves.X(f.epoch), curves.Y(d[0]), 5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
    });
    ctx.restore();
  }
  function draw() {
    var t0 = performance.now(), f = frames[s.frame];
    plot.clear();
    if (levels) { drawLevels(plot, raster, levels[s.frame], pal, colors); }
    plot.cached('data', dataLayer);
    drawCurves(f);
    es.set(s.frame);
    out.set('epoch', f.epoch + ' of ' + spec.epochs);
    out.set('train_loss', fmt(f.train_loss, 4)); out.set('test_loss', fmt(f.test_loss, 4));
    out.set('train_accuracy', pct(f.train_accuracy)); out.set('test_accuracy', pct(f.test_accuracy));
    api.redrawMs = performance.now() - t0;
  }
  api.set = function (p) {
    unknownKeys(p, ['epoch', 'frame']);
    if ('frame' in p) {
      checkNumber('frame', p.frame, 0, frames.length - 1);
      s.frame = Math.round(p.frame);
    }
    if ('epoch' in p) {
      checkNumber('epoch', p.epoch, 0, spec.epochs);
      var i = frames.findIndex(function (f) { return f.epoch === p.epoch; });
      if (i < 0) {
        throw new Error('epoch = ' + p.epoch + ': not recorded; recorded epochs are ' +
          frames.map(function (f) { return f.epoch; }).join(', '));
      }
      s.frame = i;
    }
    stop();
    draw();
  };
  api.state = function () {
    var f = frames[s.frame];
    return {
      epoch: f.epoch, frame: s.frame, train_loss: f.train_loss, test_loss: f.test_loss,
      train_accuracy: f.train_accuracy, test_accuracy: f.test_accuracy
    };
  };
  draw();
  return api;
};

// ---- hidden-units -------------------------------------------------------------

KINDS['hidden-units'] = function (root, spec) {
  var pal = spec.palette, h = spec.units, n = spec.cells, colors = colorsOf(pal);
  var phi = ACTIVATIONS[spec.activation];
  var train = unpack(spec.train), test = unpack(spec.test);
  var s = { k: h, off: [], point: null };
  var body = el('div', { 'class': 'al-body' }, root);
  var cv = canvas(body, 560, 440, 'the decision surface of the hidden units kept');
  var plot = new Plot(cv, spec.range.x, spec.range.y);
  var side = el('div', { 'class': 'al-side' }, body);
  var ks = slider(side, 'units k', 1, h, 1, s.k, function (v) { s.k = Math.round(v); draw(); },
    function (v) { return String(Math.round(v)); });
  el('p', { 'class': 'al-hint', text: 'The k strongest units (by |output weight|) are kept. Click a unit to switch it off or on:' }, side);
  var chips = el('div', { 'class': 'al-chips', role: 'group', 'aria-label': 'hidden units by strength' }, side);
  var chip = spec.order.map(function (unit, rank) {
    var b = el('button', { type: 'button', 'aria-pressed': 'true', title: 'unit ' + unit + ', rank ' + (rank + 1), text: String(rank + 1) }, chips);
    b.addEventListener('click', function () {
      if (rank >= s.k) { return; }
      var i = s.off.indexOf(unit);
      if (i < 0) { s.off.push(unit); } else { s.off.splice(i, 1); }
      draw();
    });
    return b;
  });
  var buttons = el('div', { 'class': 'al-buttons' }, side);
  button(buttons, 'All units on', function () { api.set({ k: h, off: [] }); });
  var out = readout(side, [['used', 'units used'], ['train', 'training accuracy'], ['test', 'test accuracy'], ['p', 'P(y = 1) at the point']]);
  legend(side, pal, spec.names, true);
  el('p', { 'class': 'al-note', text: 'A unit left out adds its average output instead. Thin dashed lines: the straight line z = 0 of each unit kept (up to 12 shown).' }, side);
  // each unit's output on the grid and on the data, computed once
  var grid = new Float32Array(h * n * n), xr = spec.range.x, yr = spec.range.y;
  var act = function (j, x, y) { return phi(spec.w1[j] * x + spec.w2[j] * y + spec.b1[j]); };
  for (var j = 0; j < h; j++) {
    for (var r = 0; r < n; r++) {
      var y = yr[1] - (r + 0.5) / n * (yr[1] - yr[0]);
      for (var c = 0; c < n; c++) {
        grid[j * n * n + r * n + c] = act(j, xr[0] + (c + 0.5) / n * (xr[1] - xr[0]), y);
      }
    }
  }
  function outputs(d) {
    var a = new Float64Array(h * d.n);
    for (var j = 0; j < h; j++) { for (var i = 0; i < d.n; i++) { a[j * d.n + i] = act(j, d.x[i], d.y[i]); } }
    return a;
  }
  var aTrain = outputs(train), aTest = outputs(test);
  var raster = new Raster(n), bandOf = new Uint8Array(n * n), zGrid = new Float64Array(n * n);
  function kept() {
    var keep = new Uint8Array(h);
    for (var r = 0; r < s.k; r++) { keep[spec.order[r]] = 1; }
    s.off.forEach(function (u) { keep[u] = 0; });
    return keep;
  }
  // the output's net input: kept units as they are, the others at their mean
  function bias(keep) {
    var b = spec.c;
    for (var j = 0; j < h; j++) { if (!keep[j]) { b += spec.v[j] * spec.means[j]; } }
    return b;
  }
  function netInputs(keep, a, m) {
    var z = new Float64Array(m).fill(bias(keep));
    for (var j = 0; j < h; j++) {
      if (!keep[j]) { continue; }
      var v = spec.v[j], o = j * m;
      for (var i = 0; i < m; i++) { z[i] += v * a[o + i]; }
    }
    return z;
  }
  function pointP(keep) {
    if (!s.point) { return null; }
    var z = bias(keep);
    for (var j = 0; j < h; j++) { if (keep[j]) { z += spec.v[j] * act(j, s.point[0], s.point[1]); } }
    return sigmoid(z);
  }
  function draw() {
    var t0 = performance.now(), keep = kept(), m = n * n, used = 0;
    zGrid.fill(bias(keep));
    for (var j = 0; j < h; j++) {
      if (!keep[j]) { continue; }
      used++;
      var v = spec.v[j], o = j * m;
      for (var i = 0; i < m; i++) { zGrid[i] += v * grid[o + i]; }
    }
    for (var q = 0; q < m; q++) { bandOf[q] = band(sigmoid(zGrid[q])); }
    plot.clear();
    plot.image(raster.bands(bandOf, colors));
    if (used <= 12) {
      for (var u = 0; u < h; u++) {
        if (keep[u]) { plot.line(spec.w1[u], spec.w2[u], spec.b1[u], pal.muted, 1.2, [4, 4]); }
      }
    }
    plot.contour(zGrid, n, 0, pal.ink, 2);
    plot.cached('data', function (p) {
      p.points(train, pal, false, 3.2);
      p.points(test, pal, true, 3.2);
      p.axes(pal, spec.names.features[0], spec.names.features[1]);
    });
    plot.probe(s.point, pal);
    var st = api.state();
    out.set('used', used + ' of ' + h);
    out.set('train', pct(st.train_accuracy)); out.set('test', pct(st.test_accuracy));
    out.set('p', st.p === null ? 'click the plot' : fmt(st.p, 4));
    ks.set(s.k);
    chip.forEach(function (b, rank) {
      var on = keep[spec.order[rank]] === 1;
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.className = on ? 'on' : (rank < s.k ? 'off' : '');
      b.disabled = rank >= s.k;
    });
    api.redrawMs = performance.now() - t0;
  }
  plot.onClick(function (p) { s.point = p; draw(); });
  var api = {
    set: function (p) {
      unknownKeys(p, ['k', 'off', 'point']);
      if ('k' in p) {
        checkNumber('k', p.k, 1, h);
        if (p.k !== Math.round(p.k)) { throw new Error('k = ' + p.k + ': expected a whole number from 1 to ' + h); }
      }
      if ('off' in p && (!Array.isArray(p.off) || p.off.some(function (u) { return u !== Math.round(u) || u < 0 || u >= h; }))) {
        throw new Error('off = ' + JSON.stringify(p.off) + ': expected a list of hidden units from 0 to ' + (h - 1));
      }
      var point = 'point' in p ? checkPoint(p.point) : s.point;
      if ('k' in p) { s.k = p.k; }
      if ('off' in p) {
        s.off = p.off.filter(function (u, i) { return p.off.indexOf(u) === i; });
      }
      s.point = point;
      draw();
    },
    state: function () {
      var keep = kept(), used = [];
      for (var j = 0; j < h; j++) { if (keep[j]) { used.push(j); } }
      var tr = scores(netInputs(keep, aTrain, train.n), train.c);
      var te = scores(netInputs(keep, aTest, test.n), test.c);
      return {
        k: s.k, off: s.off.slice(), used: used, train_accuracy: tr.accuracy, test_accuracy: te.accuracy,
        point: s.point, p: pointP(keep)
      };
    }
  };
  draw();
  return api;
};

// ---- activations --------------------------------------------------------------

KINDS.activations = function (root, spec) {
  var pal = spec.palette, n = spec.grid_cells, colors = colorsOf(pal);
  var train = unpack(spec.train), test = unpack(spec.test);
  var s = { activation: spec.start.activation, width: spec.start.width };
  var exists = function (a, w) {
    return spec.cells.some(function (c) { return c.activation === a && c.width === w; });
  };
  var body = el('div', { 'class': 'al-body' }, root);
  var cv = canvas(body, 560, 440, 'the decision surface of the network picked');
  var plot = new Plot(cv, spec.range.x, spec.range.y);
  var side = el('div', { 'class': 'al-side' }, body);
  function choice(label, values, key, text) {
    var fs = el('fieldset', { 'class': 'al-choice' }, side);
    el('legend', { text: label }, fs);
    var name = nextId('al-c'), inputs = {};
    values.forEach(function (v) {
      var id = name + '-' + v, lab = el('label', { 'for': id }, fs);
      var input = el('input', { type: 'radio', name: name, id: id, value: String(v) }, lab);
      lab.appendChild(document.createTextNode(' ' + text(v)));
      input.addEventListener('change', function () {
        if (!input.checked) { return; }
        var a = key === 'activation' ? v : s.activation, w = key === 'width' ? v : s.width;
        if (exists(a, w)) { s[key] = v; }
        draw();
      });
      inputs[v] = input;
    });
    return inputs;
  }
  var acts = choice('activation', spec.activations, 'activation', function (v) { return v; });
  var widths = choice('hidden units', spec.widths, 'width', function (v) { return String(v); });
  var out = readout(side, [['train', 'training accuracy'], ['test', 'test accuracy']]);
  legend(side, pal, spec.names, true);
  el('p', { 'class': 'al-note', text: 'Each network: one hidden layer of the activation and width picked, a sigmoid output, trained in Rust. Black line: the p = 0.5 boundary.' }, side);
  var raster = new Raster(n), levels = null;
  var find = function () {
    return spec.cells.find(function (c) { return c.activation === s.activation && c.width === s.width; });
  };
  var api = {
    ready: Promise.all(spec.cells.map(function (c) { return decodeLevels(c.surface, n); }))
      .then(function (all) { levels = all; draw(); })
  };
  function draw() {
    var t0 = performance.now(), cell = find();
    plot.clear();
    if (levels) { drawLevels(plot, raster, levels[spec.cells.indexOf(cell)], pal, colors); }
    plot.cached('data', function (p) {
      p.points(train, pal, false, 3.4);
      p.points(test, pal, true, 3.4);
      p.axes(pal, spec.names.features[0], spec.names.features[1]);
    });
    acts[s.activation].checked = true; widths[s.width].checked = true;
    // a choice without a trained network next to the other choice is greyed out
    spec.activations.forEach(function (a) { acts[a].disabled = !exists(a, s.width); });
    spec.widths.forEach(function (w) { widths[w].disabled = !exists(s.activation, w); });
    out.set('train', pct(cell.train_accuracy)); out.set('test', pct(cell.test_accuracy));
    api.redrawMs = performance.now() - t0;
  }
  api.set = function (p) {
    unknownKeys(p, ['activation', 'width']);
    var a = 'activation' in p ? p.activation : s.activation, w = 'width' in p ? p.width : s.width;
    if (spec.activations.indexOf(a) < 0) {
      throw new Error('activation = ' + JSON.stringify(a) + ': expected one of ' + spec.activations.join(', '));
    }
    if (spec.widths.indexOf(w) < 0) {
      throw new Error('width = ' + JSON.stringify(w) + ': expected one of ' + spec.widths.join(', '));
    }
    if (!exists(a, w)) {
      throw new Error('activation = ' + JSON.stringify(a) + ', width = ' + w + ': no network of the grid has both');
    }
    s.activation = a; s.width = w;
    draw();
  };
  api.state = function () {
    var cell = find();
    return { activation: s.activation, width: s.width, train_accuracy: cell.train_accuracy, test_accuracy: cell.test_accuracy };
  };
  draw();
  return api;
};

// ---- mounting -----------------------------------------------------------------

// Every widget root of the page not yet mounted: read its JSON, build it,
// hide its static picture, add it to window.activationLab.widgets.
function mountAll() {
  var roots = document.querySelectorAll('[data-widget]:not([data-al-mounted])');
  Array.prototype.forEach.call(roots, function (root) {
    root.setAttribute('data-al-mounted', '');
    // keys typed in the widget (arrows on a slider) are the widget's: JupyterLab
    // and Notebook 7 would otherwise take arrows in command mode to move or fold cells
    root.setAttribute('data-lm-suppress-shortcuts', 'true');
    root.addEventListener('keydown', function (e) { e.stopPropagation(); });
    var kind = root.getAttribute('data-widget');
    var holder = root.querySelector('script[type="application/json"]');
    try {
      var spec = JSON.parse(holder.textContent);
      el('div', { 'class': 'al-title', text: spec.title }, root);
      var api = KINDS[kind](root, spec);
      api.kind = kind;
      api.root = root;
      api.ready = api.ready || Promise.resolve();
      AL.widgets.push(api);
      // the static picture gives way only to a widget that started
      var fallback = root.querySelector('.al-fallback');
      if (fallback) { fallback.style.display = 'none'; }
    } catch (e) {
      // the picture stays; the other widgets of the page still start
      el('p', { 'class': 'al-error', text: 'This interactive figure could not start: ' + e.message }, root);
      console.error(e);
    }
  });
}
