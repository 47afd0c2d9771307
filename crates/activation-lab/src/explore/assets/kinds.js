// Activation Lab widgets: the six kinds. Each `make(root, spec)` builds its
// controls and returns { kind, set(params), state(), ready }.

var KINDS = {};

function colorsOf(pal) { return pal.bands.map(rgb); }

function unknownKeys(params, known) {
  Object.keys(params || {}).forEach(function (k) {
    if (known.indexOf(k) < 0) {
      throw new Error('set: unknown parameter "' + k + '"; expected ' + known.join(', '));
    }
  });
}

// ---- net-input ----------------------------------------------------------------

KINDS['net-input'] = function (root, spec) {
  var pal = spec.palette, s = { w1: spec.w1, w2: spec.w2, b: spec.b, point: null };
  var blue = rgb(pal.classes[0]), red = rgb(pal.classes[1]), n = spec.cells;
  var body = el('div', { 'class': 'al-body' }, root);
  var cv = canvas(body, 560, 440, 'the net input z over the plane x1, x2');
  var plot = new Plot(cv, spec.x, spec.y, { equal: true });
  var side = el('div', { 'class': 'al-side' }, body);
  var R = spec.reach;
  var sliders = {
    w1: slider(side, 'w₁', -R, R, 0.05, s.w1, function (v) { s.w1 = v; draw(); }),
    w2: slider(side, 'w₂', -R, R, 0.05, s.w2, function (v) { s.w2 = v; draw(); }),
    b: slider(side, 'b', -R, R, 0.05, s.b, function (v) { s.b = v; draw(); })
  };
  var out = readout(side, [['formula', 'z ='], ['point', 'clicked point'], ['z', 'z there']]);
  el('p', { 'class': 'al-note', text: 'Blue: z < 0, vermillion: z > 0; stronger colour = larger |z|. Black line: z = 0. Arrow: the weight vector w. Click the map to read z at a point.' }, side);
  var raster = new Raster(n), bandOf = new Uint8Array(n * n), colors = [];
  var z = function (x, y) { return s.w1 * x + s.w2 * y + s.b; };
  function draw() {
    var t0 = performance.now();
    // the static map's scale: symmetric bands of a nice step up to the largest |z|
    var reach = 1e-9;
    [spec.x[0], spec.x[1]].forEach(function (x) {
      [spec.y[0], spec.y[1]].forEach(function (y) { reach = Math.max(reach, Math.abs(z(x, y))); });
    });
    var step = niceStep(2 * reach, 10), k = Math.ceil(reach / step);
    colors = [];
    for (var i = -k; i < k; i++) {
      var mid = (i + 0.5) * step, t = 0.06 + 0.5 * Math.min(Math.abs(mid) / (k * step), 1);
      colors.push(tint(mid < 0 ? blue : red, t));
    }
    for (var r = 0; r < n; r++) {
      var y = spec.y[1] - (r + 0.5) / n * (spec.y[1] - spec.y[0]);
      for (var c = 0; c < n; c++) {
        var x = spec.x[0] + (c + 0.5) / n * (spec.x[1] - spec.x[0]);
        bandOf[r * n + c] = Math.min(2 * k - 1, Math.max(0, Math.floor(z(x, y) / step) + k));
      }
    }
    plot.clear();
    plot.image(raster.bands(bandOf, colors));
    plot.line(s.w1, s.w2, s.b, pal.ink, 2.5);
    arrow();
    plot.probe(s.point, pal);
    plot.axes(pal, 'x₁', 'x₂');
    out.set('formula', fmt(s.b, 2) + ' ' + signed(s.w1) + ' x₁ ' + signed(s.w2) + ' x₂');
    out.set('point', s.point ? '(' + fmt(s.point[0], 2) + ', ' + fmt(s.point[1], 2) + ')' : 'none yet: click the map');
    out.set('z', s.point ? fmt(z(s.point[0], s.point[1]), 3) : '–');
    api.redrawMs = performance.now() - t0;
  }
  // w from the point of z = 0 nearest the centre, as in the static map
  function arrow() {
    var n2 = s.w1 * s.w1 + s.w2 * s.w2;
    if (n2 < 1e-18) { return; }
    var cx = (spec.x[0] + spec.x[1]) / 2, cy = (spec.y[0] + spec.y[1]) / 2, zc = z(cx, cy);
    var p = [cx - zc * s.w1 / n2, cy - zc * s.w2 / n2];
    var len = 0.2 * Math.min(spec.x[1] - spec.x[0], spec.y[1] - spec.y[0]), nn = Math.sqrt(n2);
    var q = [p[0] + len * s.w1 / nn, p[1] + len * s.w2 / nn];
    var inside = function (u) { return u[0] > spec.x[0] && u[0] < spec.x[1] && u[1] > spec.y[0] && u[1] < spec.y[1]; };
    if (!inside(p) || !inside(q)) { return; }
    var ctx = cv.ctx, x0 = plot.X(p[0]), y0 = plot.Y(p[1]), x1 = plot.X(q[0]), y1 = plot.Y(q[1]);
    var a = Math.atan2(y1 - y0, x1 - x0);
    ctx.save();
    ctx.strokeStyle = pal.ink; ctx.fillStyle = pal.ink; ctx.lineWidth = 2.5;
    ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1 - 8 * Math.cos(a), y1 - 8 * Math.sin(a)); ctx.stroke();
    ctx.beginPath(); ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - 12 * Math.cos(a - 0.4), y1 - 12 * Math.sin(a - 0.4));
    ctx.lineTo(x1 - 12 * Math.cos(a + 0.4), y1 - 12 * Math.sin(a + 0.4));
    ctx.closePath(); ctx.fill();
    ctx.font = 'italic bold 15px ' + FONT; ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
    ctx.fillText('w', x1 + 6, y1 - 6);
    ctx.restore();
  }
  plot.onClick(function (p) { s.point = p; draw(); });
  var api = {
    set: function (p) {
      unknownKeys(p, ['w1', 'w2', 'b', 'point']);
      setWeights(p, s, spec.max_weight);
      ['w1', 'w2', 'b'].forEach(function (k) { sliders[k].set(s[k]); });
      draw();
    },
    state: function () {
      return { w1: s.w1, w2: s.w2, b: s.b, point: s.point, z: s.point ? z(s.point[0], s.point[1]) : null };
    }
  };
  ['w1', 'w2', 'b'].forEach(function (k) {
    sliders[k].input.addEventListener('input', function () { sliders[k].set(s[k]); });
  });
  draw();
  return api;
};

// ---- sigmoid ------------------------------------------------------------------

KINDS.sigmoid = function (root, spec) {
  var pal = spec.palette, s = { z: spec.z }, zr = spec.range;
  var body = el('div', { 'class': 'al-body' }, root);
  var cv = canvas(body, 560, 440, 'the sigmoid and its derivative, with a point at z');
  var top = new Plot(cv, zr, [-0.08, 1.1], { margin: { l: 52, r: 14, t: 12, b: 250 } });
  var bottom = new Plot(cv, zr, [-0.01, 0.34], { margin: { l: 52, r: 14, t: 228, b: 44 } });
  var side = el('div', { 'class': 'al-side' }, body);
  var zs = slider(side, 'z', zr[0], zr[1], 0.1, s.z, function (v) { s.z = v; draw(); });
  var out = readout(side, [['sigma', 'σ(z)'], ['d', 'σ′(z)'], ['class', 'class ŷ']]);
  el('p', { 'class': 'al-note', text: 'Dashed grey: the threshold (z = 0, σ = 0.5), the slope\'s peak (0.25) and the z shown. ŷ = 1 exactly when z ≥ 0, i.e. when σ(z) ≥ 0.5.' }, side);
  function curve(plot, f, color) {
    var ctx = cv.ctx;
    plot.clip();
    ctx.strokeStyle = color; ctx.lineWidth = 2.5; ctx.lineJoin = 'round';
    ctx.beginPath();
    for (var i = 0; i <= 320; i++) {
      var z = zr[0] + i / 320 * (zr[1] - zr[0]);
      if (i === 0) { ctx.moveTo(plot.X(z), plot.Y(f(z))); } else { ctx.lineTo(plot.X(z), plot.Y(f(z))); }
    }
    ctx.stroke();
    ctx.restore();
  }
  function guide(plot, x0, y0, x1, y1) {
    var ctx = cv.ctx;
    plot.clip();
    ctx.strokeStyle = pal.guide; ctx.lineWidth = 1.2; ctx.setLineDash([5, 4]);
    ctx.beginPath(); ctx.moveTo(plot.X(x0), plot.Y(y0)); ctx.lineTo(plot.X(x1), plot.Y(y1)); ctx.stroke();
    ctx.restore();
  }
  function dot(plot, x, y, color) {
    var ctx = cv.ctx;
    ctx.save();
    ctx.fillStyle = color; ctx.strokeStyle = '#fff'; ctx.lineWidth = 2;
    ctx.beginPath(); ctx.arc(plot.X(x), plot.Y(y), 6.5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
    ctx.restore();
  }
  function label(plot, text, color) {
    var ctx = cv.ctx;
    ctx.save(); ctx.font = 'bold 13px ' + FONT; ctx.fillStyle = color; ctx.textAlign = 'left'; ctx.textBaseline = 'top';
    ctx.fillText(text, plot.px0 + 8, plot.py0 + 6); ctx.restore();
  }
  function draw() {
    var t0 = performance.now(), sg = sigmoid(s.z), d = sigmoidDerivative(s.z);
    top.clear();
    // the predicted class 1 region, z ≥ 0
    var ctx = cv.ctx;
    ctx.save(); ctx.fillStyle = css(tint(rgb(pal.classes[1]), 0.08));
    ctx.fillRect(top.X(0), top.py0, top.px1 - top.X(0), top.py1 - top.py0);
    ctx.fillStyle = css(tint(rgb(pal.classes[0]), 0.08));
    ctx.fillRect(top.px0, top.py0, top.X(0) - top.px0, top.py1 - top.py0);
    ctx.restore();
    guide(top, zr[0], 0.5, zr[1], 0.5); guide(top, 0, -0.08, 0, 1.1);
    guide(bottom, zr[0], 0.25, zr[1], 0.25); guide(bottom, 0, -0.01, 0, 0.28);
    guide(top, s.z, -0.08, s.z, sg); guide(bottom, s.z, -0.01, s.z, d);
    curve(top, sigmoid, pal.classes[0]);
    curve(bottom, sigmoidDerivative, pal.classes[1]);
    dot(top, s.z, sg, pal.classes[0]); dot(bottom, s.z, d, pal.classes[1]);
    top.axes(pal, null, 'σ(z)', false);
    bottom.axes(pal, 'net input z', 'σ′(z)', false);
    label(top, 'σ(z) = 1 / (1 + e⁻ᶻ)', pal.classes[0]);
    label(bottom, 'σ′(z) = σ(z)(1 − σ(z)), max 0.25 at z = 0', pal.classes[1]);
    out.set('sigma', fmt(sg, 4)); out.set('d', fmt(d, 4));
    out.set('class', (s.z >= 0 ? '1' : '0') + (s.z >= 0 ? ' (z ≥ 0)' : ' (z < 0)'));
    zs.set(s.z);
    api.redrawMs = performance.now() - t0;
  }
  var api = {
    set: function (p) {
      unknownKeys(p, ['z']);
      if ('z' in p) { s.z = checkNumber('z', p.z, zr[0], zr[1]); }
      draw();
    },
    state: function () {
      return { z: s.z, sigma: sigmoid(s.z), derivative: sigmoidDerivative(s.z), 'class': s.z >= 0 ? 1 : 0 };
    }
  };
  draw();
  return api;
};

// ---- logistic -----------------------------------------------------------------

KINDS.logistic = function (root, spec) {
  var pal = spec.palette, s = { w1: spec.w1, w2: spec.w2, b: spec.b, point: null };
  var data = unpack(spec.points), n = spec.cells, colors = colorsOf(pal);
  var body = el('div', { 'class': 'al-body' }, root);
  var cv = canvas(body, 560, 440, 'logistic regression with hand-set weights over ' + spec.names.data);
  var plot = new Plot(cv, spec.range.x, spec.range.y);
  var side = el('div', { 'class': 'al-side' }, body);
  var R = spec.reach, RB = spec.bias_reach;
  var sliders = {
    w1: slider(side, 'w₁', -R, R, 0.05, s.w1, function (v) { s.w1 = v; draw(); }),
    w2: slider(side, 'w₂', -R, R, 0.05, s.w2, function (v) { s.w2 = v; draw(); }),
    b: slider(side, 'b', -RB, RB, 0.05, s.b, function (v) { s.b = v; draw(); })
  };
  var buttons = el('div', { 'class': 'al-buttons' }, side);
  button(buttons, 'Show the trained weights', function () { api.set(spec.trained); });
  button(buttons, 'Start again', function () { api.set({ w1: spec.w1, w2: spec.w2, b: spec.b }); });
  var out = readout(side, [['accuracy', 'training accuracy'], ['loss', 'log-loss'], ['p', 'P(y = 1) at the point']]);
  legend(side, pal, spec.names, false);
  el('p', { 'class': 'al-note', text: 'Shading: P(y = 1 | x), stronger colour = more certain. Black line: the p = 0.5 boundary, where z = 0. Click the plot to read P(y = 1) at a point.' }, side);
  var raster = new Raster(n), bandOf = new Uint8Array(n * n), zs = new Float64Array(data.n);
  var z = function (x, y) { return s.w1 * x + s.w2 * y + s.b; };
  function draw() {
    var t0 = performance.now(), xr = spec.range.x, yr = spec.range.y;
    for (var r = 0; r < n; r++) {
      var y = yr[1] - (r + 0.5) / n * (yr[1] - yr[0]);
      for (var c = 0; c < n; c++) {
        bandOf[r * n + c] = band(sigmoid(z(xr[0] + (c + 0.5) / n * (xr[1] - xr[0]), y)));
      }
    }
    plot.clear();
    plot.image(raster.bands(bandOf, colors));
    plot.line(s.w1, s.w2, s.b, pal.ink, 2.5);
    plot.cached('data', function (p) {
      p.points(data, pal, false, 3.6);
      p.axes(pal, spec.names.features[0], spec.names.features[1]);
    });
    plot.probe(s.point, pal);
    var sc = api.state();
    out.set('accuracy', pct(sc.accuracy)); out.set('loss', fmt(sc.loss, 4));
    out.set('p', sc.p === null ? 'click the plot' : fmt(sc.p, 4));
    ['w1', 'w2', 'b'].forEach(function (k) { sliders[k].set(s[k]); });
    api.redrawMs = performance.now() - t0;
  }
  plot.onClick(function (p) { s.point = p; draw(); });
  var api = {
    set: function (p) {
      unknownKeys(p, ['w1', 'w2', 'b', 'point']);
      setWeights(p, s, spec.max_weight);
      draw();
    },
    state: function () {
      for (var i = 0; i < data.n; i++) { zs[i] = z(data.x[i], data.y[i]); }
      var sc = scores(zs, data.c);
      return {
        w1: s.w1, w2: s.w2, b: s.b, accuracy: sc.accuracy, loss: sc.loss, point: s.point,
        p: s.point ? sigmoid(z(s.point[0], s.point[1])) : null
      };
    }
  };
  draw();
  return api;
};
