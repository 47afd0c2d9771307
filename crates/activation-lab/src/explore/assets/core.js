// Activation Lab widgets: the drawing and the controls every widget shares.
// No network, no dependencies: canvas 2D and plain DOM.
var AL = window.activationLab = window.activationLab || {};
AL.widgets = AL.widgets || [];

var FONT = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, sans-serif';
// element ids unique on the page, across every widget script it holds
function nextId(prefix) { AL.uid = (AL.uid || 0) + 1; return prefix + AL.uid; }

// ---- numbers: the same formulas as the crate -------------------------------

function sigmoid(z) {
  if (z >= 0) { return 1 / (1 + Math.exp(-z)); }
  var e = Math.exp(z);
  return e / (1 + e);
}

function sigmoidDerivative(z) {
  var s = sigmoid(z);
  return s * (1 - s);
}

// ln(1 + e^z) without overflow: the crate's softplus
function softplus(z) {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

// the cross-entropy of one sample from its net input: softplus(∓z)
function crossEntropy(z, y) {
  return y === 1 ? softplus(-z) : softplus(z);
}

// mean cross-entropy and accuracy of net inputs zs against labels ys,
// each term divided first as the crate's log_loss_from_logits does
function scores(zs, ys) {
  var n = zs.length, loss = 0, right = 0;
  for (var i = 0; i < n; i++) {
    loss += crossEntropy(zs[i], ys[i]) / n;
    if ((zs[i] >= 0 ? 1 : 0) === ys[i]) { right++; }
  }
  return { loss: loss, accuracy: right / n };
}

var ACTIVATIONS = {
  identity: function (z) { return z; },
  sigmoid: sigmoid,
  tanh: Math.tanh,
  relu: function (z) { return z > 0 ? z : 0; }
};

// flat [x1, x2, class, ...] into columns
function unpack(flat) {
  var n = flat.length / 3, x = new Float64Array(n), y = new Float64Array(n), c = new Uint8Array(n);
  for (var i = 0; i < n; i++) { x[i] = flat[3 * i]; y[i] = flat[3 * i + 1]; c[i] = flat[3 * i + 2]; }
  return { x: x, y: y, c: c, n: n };
}

function checkNumber(name, v, lo, hi) {
  if (typeof v !== 'number' || !isFinite(v)) {
    throw new Error(name + ' = ' + v + ': expected a finite number');
  }
  if (lo !== undefined && (v < lo || v > hi)) {
    throw new Error(name + ' = ' + v + ': expected a number from ' + lo + ' to ' + hi);
  }
  return v;
}

function checkPoint(p) {
  if (p === null) { return null; }
  if (!Array.isArray(p) || p.length !== 2) {
    throw new Error('point = ' + JSON.stringify(p) + ': expected [x1, x2] or null');
  }
  return [checkNumber('point[0]', p[0]), checkNumber('point[1]', p[1])];
}

// ---- text -------------------------------------------------------------------

function fmt(v, digits) {
  if (v === null || v === undefined) { return '–'; }
  var s = v.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) { s = s.slice(1); }
  return s.replace('-', '−');
}

function pct(v) { return fmt(100 * v, 1) + ' %'; }

function signed(v) {
  var s = fmt(Math.abs(v), 2);
  return (v < 0 ? '− ' : '+ ') + s;
}

// ---- colours ----------------------------------------------------------------

function rgb(hex) {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

// the crate's tint: `c` mixed with white, t = 0 white, t = 1 the colour
function tint(c, t) {
  t = Math.min(Math.max(t, 0), 1);
  return c.map(function (v) { return Math.round(255 - (255 - v) * t); });
}

function css(c) { return 'rgb(' + c[0] + ',' + c[1] + ',' + c[2] + ')'; }

// ---- the DOM ----------------------------------------------------------------

function el(tag, attrs, parent) {
  var e = document.createElement(tag);
  for (var k in attrs) {
    if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
  }
  if (parent) { parent.appendChild(e); }
  return e;
}

// A labelled range slider: keyboard-operable (arrows, Page Up/Down, Home/End).
// `value` holds the exact number; the slider shows it to its step.
function slider(parent, label, min, max, step, value, onInput, format) {
  var id = nextId('al-s');
  var row = el('div', { 'class': 'al-row' }, parent);
  el('label', { 'for': id, text: label }, row);
  var input = el('input', { type: 'range', id: id, min: min, max: max, step: step }, row);
  var out = el('output', { 'for': id }, row);
  var s = {
    input: input,
    set: function (v) {
      input.value = String(Math.min(Math.max(v, min), max));
      out.textContent = (format || function (x) { return fmt(x, 2); })(v);
    }
  };
  s.set(value);
  input.addEventListener('input', function () { onInput(parseFloat(input.value)); });
  return s;
}

function button(parent, label, onClick) {
  var b = el('button', { type: 'button', text: label }, parent);
  b.addEventListener('click', onClick);
  return b;
}

// A definition list of live numbers: readout.set(key, text)
function readout(parent, keys) {
  var dl = el('dl', { 'class': 'al-readout' }, parent), cells = {};
  keys.forEach(function (k) {
    el('dt', { text: k[1] }, dl);
    cells[k[0]] = el('dd', { text: '–' }, dl);
  });
  return { set: function (k, text) { cells[k].textContent = text; } };
}

// A legend in HTML with the figures' markers: class names, train and test
function legend(parent, pal, names, withTest) {
  var box = el('div', { 'class': 'al-legend' }, parent);
  var item = function (cls, hollow, text) {
    var span = el('span', {}, box);
    var c = pal.classes[cls];
    var svg = cls === 0
      ? '<circle cx="7" cy="7" r="4.5" fill="' + (hollow ? 'none' : c) + '" stroke="' + (hollow ? c : '#fff') + '" stroke-width="' + (hollow ? 1.6 : 1) + '"/>'
      : '<polygon points="7,1.2 12.1,10 1.9,10" fill="' + (hollow ? 'none' : c) + '" stroke="' + (hollow ? c : '#fff') + '" stroke-width="' + (hollow ? 1.6 : 1) + '"/>';
    span.innerHTML = '<svg width="14" height="14" aria-hidden="true">' + svg + '</svg>';
    span.appendChild(document.createTextNode(' ' + text));
  };
  item(0, false, 'class 0: ' + names.classes[0]);
  item(1, false, 'class 1: ' + names.classes[1]);
  if (withTest) { item(0, true, 'test points hollow'); }
  return box;
}

// ---- canvas -----------------------------------------------------------------

// A canvas of w × h CSS pixels drawn at a resolution that stays sharp when
// the page scales it up (full screen) or the screen is dense.
function canvas(parent, w, h, label) {
  var c = el('canvas', { role: 'img', 'aria-label': label }, parent);
  var k = Math.max(2, Math.ceil((window.devicePixelRatio || 1) * 1.5));
  c.width = w * k; c.height = h * k;
  c.style.width = '100%'; c.style.maxWidth = (1.6 * w) + 'px'; c.style.aspectRatio = w + ' / ' + h;
  var ctx = c.getContext('2d');
  ctx.setTransform(k, 0, 0, k, 0, 0);
  return { el: c, ctx: ctx, w: w, h: h };
}

// A "nice" step (1, 2 or 5 × 10^k) giving about n intervals over span
function niceStep(span, n) {
  var raw = span / n, mag = Math.pow(10, Math.floor(Math.log10(raw))), r = raw / mag;
  return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
}

function ticks(lo, hi, n) {
  var step = niceStep(hi - lo, n), out = [];
  for (var v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  var digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return out.map(function (v) { return [v, fmt(v, digits)]; });
}

// A plot over the data range [x0, x1] × [y0, y1] inside a canvas, with
// margins for the tick labels and axis names; `equal` keeps one scale.
function Plot(cv, xr, yr, opts) {
  opts = opts || {};
  var m = opts.margin || { l: 52, r: 14, t: 12, b: 44 };
  var px0 = m.l, px1 = cv.w - m.r, py0 = m.t, py1 = cv.h - m.b;
  if (opts.equal) {
    var sx = (px1 - px0) / (xr[1] - xr[0]), sy = (py1 - py0) / (yr[1] - yr[0]), s = Math.min(sx, sy);
    var cx = (px0 + px1) / 2, cy = (py0 + py1) / 2;
    px0 = cx - s * (xr[1] - xr[0]) / 2; px1 = cx + s * (xr[1] - xr[0]) / 2;
    py0 = cy - s * (yr[1] - yr[0]) / 2; py1 = cy + s * (yr[1] - yr[0]) / 2;
  }
  this.cv = cv; this.ctx = cv.ctx; this.xr = xr; this.yr = yr; this.opts = opts;
  this.px0 = px0; this.px1 = px1; this.py0 = py0; this.py1 = py1;
}

Plot.prototype.X = function (x) {
  return this.px0 + (x - this.xr[0]) / (this.xr[1] - this.xr[0]) * (this.px1 - this.px0);
};
Plot.prototype.Y = function (y) {
  return this.py1 - (y - this.yr[0]) / (this.yr[1] - this.yr[0]) * (this.py1 - this.py0);
};
// data coordinates of a CSS-pixel position on the canvas, null outside
Plot.prototype.invert = function (px, py) {
  if (px < this.px0 || px > this.px1 || py < this.py0 || py > this.py1) { return null; }
  return [this.xr[0] + (px - this.px0) / (this.px1 - this.px0) * (this.xr[1] - this.xr[0]),
    this.yr[0] + (this.py1 - py) / (this.py1 - this.py0) * (this.yr[1] - this.yr[0])];
};

Plot.prototype.clear = function (pal) {
  var ctx = this.ctx;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
};

// the frame, ticks, tick labels and axis names
Plot.prototype.axes = function (pal, xlabel, ylabel, grid) {
  var ctx = this.ctx, self = this;
  ctx.save();
  ctx.font = '12px ' + FONT;
  ctx.fillStyle = pal.ink;
  var xt = ticks(this.xr[0], this.xr[1], (this.px1 - this.px0) / 70);
  var yt = ticks(this.yr[0], this.yr[1], (this.py1 - this.py0) / 55);
  if (grid) {
    ctx.strokeStyle = pal.grid; ctx.lineWidth = 1;
    ctx.beginPath();
    xt.forEach(function (t) { var x = Math.round(self.X(t[0])) + 0.5; ctx.moveTo(x, self.py0); ctx.lineTo(x, self.py1); });
    yt.forEach(function (t) { var y = Math.round(self.Y(t[0])) + 0.5; ctx.moveTo(self.px0, y); ctx.lineTo(self.px1, y); });
    ctx.stroke();
  }
  ctx.strokeStyle = pal.axis; ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(this.px0) + 0.5, Math.round(this.py0) + 0.5,
    Math.round(this.px1 - this.px0), Math.round(this.py1 - this.py0));
  ctx.beginPath();
  ctx.textAlign = 'center'; ctx.textBaseline = 'top';
  xt.forEach(function (t) {
    var x = Math.round(self.X(t[0])) + 0.5;
    ctx.moveTo(x, self.py1); ctx.lineTo(x, self.py1 + 5);
    ctx.fillText(t[1], x, self.py1 + 7);
  });
  ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
  yt.forEach(function (t) {
    var y = Math.round(self.Y(t[0])) + 0.5;
    ctx.moveTo(self.px0 - 5, y); ctx.lineTo(self.px0, y);
    ctx.fillText(t[1], self.px0 - 7, y);
  });
  ctx.stroke();
  ctx.font = '13px ' + FONT;
  ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
  if (xlabel) { ctx.fillText(xlabel, (this.px0 + this.px1) / 2, this.cv.h - 4); }
  if (ylabel) {
    ctx.translate(14, (this.py0 + this.py1) / 2); ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(ylabel, 0, 0);
  }
  ctx.restore();
};

Plot.prototype.clip = function () {
  var ctx = this.ctx;
  ctx.save();
  ctx.beginPath();
  ctx.rect(this.px0, this.py0, this.px1 - this.px0, this.py1 - this.py0);
  ctx.clip();
};

// What `draw(plot)` draws, drawn once into a layer of the canvas's size and
// copied on every later call: the data points and axes, which no control
// moves, cost one image copy per redraw instead of a thousand markers
Plot.prototype.cached = function (key, draw) {
  this.layers = this.layers || {};
  var layer = this.layers[key], target = this.ctx;
  if (!layer) {
    layer = document.createElement('canvas');
    layer.width = target.canvas.width; layer.height = target.canvas.height;
    var ctx = layer.getContext('2d'), k = layer.width / this.cv.w;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    this.ctx = ctx;
    try { draw(this); } finally { this.ctx = target; }
    this.layers[key] = layer;
  }
  target.save();
  target.setTransform(1, 0, 0, 1, 0, 0);
  target.drawImage(layer, 0, 0);
  target.restore();
};

// an n × n image (row 0 at the top) stretched over the plot
Plot.prototype.image = function (img) {
  var ctx = this.ctx;
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(img, this.px0, this.py0, this.px1 - this.px0, this.py1 - this.py0);
  ctx.restore();
};

// the line a·x + b·y + c = 0 across the plot
Plot.prototype.line = function (a, b, c, style, width, dash) {
  var xr = this.xr, yr = this.yr, pts = [];
  if (Math.abs(b) > 1e-300) {
    [xr[0], xr[1]].forEach(function (x) { pts.push([x, -(a * x + c) / b]); });
  } else if (Math.abs(a) > 1e-300) {
    [yr[0], yr[1]].forEach(function (y) { pts.push([-(b * y + c) / a, y]); });
  } else { return; }
  var ctx = this.ctx;
  this.clip();
  ctx.strokeStyle = style; ctx.lineWidth = width; ctx.setLineDash(dash || []);
  ctx.beginPath();
  // clip far-away points to a box a little larger than the plot
  var big = 4 * (Math.abs(this.px1 - this.px0) + Math.abs(this.py1 - this.py0));
  var self = this;
  var P = function (p) {
    return [Math.max(-big, Math.min(big, self.X(p[0]))), Math.max(-big, Math.min(big, self.Y(p[1])))];
  };
  var p0 = P(pts[0]), p1 = P(pts[1]);
  ctx.moveTo(p0[0], p0[1]); ctx.lineTo(p1[0], p1[1]);
  ctx.stroke();
  ctx.restore();
};

// line segments where the n × n grid `v` (row 0 at the top) crosses
// `level`, by marching squares between the cell centres
Plot.prototype.contour = function (v, n, level, style, width) {
  var ctx = this.ctx, w = this.px1 - this.px0, h = this.py1 - this.py0;
  var X = function (c) { return this.px0 + (c + 0.5) / n * w; }.bind(this);
  var Y = function (r) { return this.py0 + (r + 0.5) / n * h; }.bind(this);
  var t = function (a, b) { return (level - a) / (b - a); };
  this.clip();
  ctx.strokeStyle = style; ctx.lineWidth = width; ctx.lineJoin = 'round'; ctx.lineCap = 'round';
  ctx.beginPath();
  for (var r = 0; r + 1 < n; r++) {
    for (var c = 0; c + 1 < n; c++) {
      var a = v[r * n + c], b = v[r * n + c + 1], d = v[(r + 1) * n + c], e = v[(r + 1) * n + c + 1];
      var pts = [];
      if ((a >= level) !== (b >= level)) { pts.push([X(c + t(a, b)), Y(r)]); }
      if ((b >= level) !== (e >= level)) { pts.push([X(c + 1), Y(r + t(b, e))]); }
      if ((d >= level) !== (e >= level)) { pts.push([X(c + t(d, e)), Y(r + 1)]); }
      if ((a >= level) !== (d >= level)) { pts.push([X(c), Y(r + t(a, d))]); }
      for (var k = 0; k + 1 < pts.length; k += 2) {
        ctx.moveTo(pts[k][0], pts[k][1]); ctx.lineTo(pts[k + 1][0], pts[k + 1][1]);
      }
    }
  }
  ctx.stroke();
  ctx.restore();
};

// the figures' class markers: circle for class 0, triangle for class 1;
// filled with a thin white rim, or hollow (test points)
Plot.prototype.points = function (pts, pal, hollow, r) {
  var ctx = this.ctx;
  this.clip();
  for (var cls = 0; cls < 2; cls++) {
    var color = pal.classes[cls];
    ctx.beginPath();
    for (var i = 0; i < pts.n; i++) {
      if (pts.c[i] !== cls) { continue; }
      var x = this.X(pts.x[i]), y = this.Y(pts.y[i]);
      if (cls === 0) {
        ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
      } else {
        var q = 1.3 * r;
        ctx.moveTo(x, y - q); ctx.lineTo(x - 0.866 * q, y + 0.5 * q); ctx.lineTo(x + 0.866 * q, y + 0.5 * q);
        ctx.closePath();
      }
    }
    if (hollow) {
      ctx.strokeStyle = color; ctx.lineWidth = Math.max(1, r / 3); ctx.stroke();
    } else {
      ctx.fillStyle = color; ctx.fill();
      ctx.strokeStyle = '#fff'; ctx.lineWidth = 0.8; ctx.stroke();
    }
  }
  ctx.restore();
};

// A click on the plot calls `fn([x1, x2])` with the point clicked, in data
// coordinates (clicks outside the plot are ignored)
Plot.prototype.onClick = function (fn) {
  var plot = this, cv = this.cv;
  cv.el.addEventListener('click', function (ev) {
    var r = cv.el.getBoundingClientRect();
    var p = plot.invert((ev.clientX - r.left) * cv.w / r.width, (ev.clientY - r.top) * cv.h / r.height);
    if (p) { fn(p); }
  });
};

// Checks the weights and point of a set() call before any is kept, then
// keeps them in `s`: w1, w2 and b within ±max, point [x1, x2] or null
function setWeights(p, s, max) {
  var point = 'point' in p ? checkPoint(p.point) : s.point;
  ['w1', 'w2', 'b'].forEach(function (k) { if (k in p) { checkNumber(k, p[k], -max, max); } });
  ['w1', 'w2', 'b'].forEach(function (k) { if (k in p) { s[k] = p[k]; } });
  s.point = point;
}

// a probe: a ring with a cross where the user clicked
Plot.prototype.probe = function (p, pal) {
  if (!p) { return; }
  var ctx = this.ctx, x = this.X(p[0]), y = this.Y(p[1]);
  this.clip();
  ctx.strokeStyle = '#fff'; ctx.lineWidth = 4;
  ctx.beginPath(); ctx.arc(x, y, 6, 0, 2 * Math.PI); ctx.stroke();
  ctx.strokeStyle = pal.ink; ctx.lineWidth = 2;
  ctx.beginPath(); ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.moveTo(x - 9, y); ctx.lineTo(x + 9, y); ctx.moveTo(x, y - 9); ctx.lineTo(x, y + 9);
  ctx.stroke();
  ctx.restore();
};

// An offscreen n × n RGBA image filled by `color(i) → [r, g, b]`
function Raster(n) {
  this.n = n;
  this.canvas = document.createElement('canvas');
  this.canvas.width = n; this.canvas.height = n;
  this.ctx = this.canvas.getContext('2d');
  this.data = this.ctx.createImageData(n, n);
}

// fill from band indices (0 to 9) and a list of ten colours
Raster.prototype.bands = function (band, colors) {
  var d = this.data.data;
  for (var i = 0; i < band.length; i++) {
    var c = colors[band[i]];
    d[4 * i] = c[0]; d[4 * i + 1] = c[1]; d[4 * i + 2] = c[2]; d[4 * i + 3] = 255;
  }
  this.ctx.putImageData(this.data, 0, 0);
  return this.canvas;
};

// the band of a probability: floor(10 p), as the static figures' shading
function band(p) { return Math.min(9, Math.floor(10 * p)); }

// Decodes base64 grey PNGs of probability levels (floor(250 p)) into arrays
function decodeLevels(b64, n) {
  return new Promise(function (resolve, reject) {
    var img = new Image();
    img.onload = function () {
      var c = document.createElement('canvas');
      c.width = n; c.height = n;
      var ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      var d = ctx.getImageData(0, 0, n, n).data, out = new Float32Array(n * n);
      for (var i = 0; i < n * n; i++) { out[i] = d[4 * i]; }
      resolve(out);
    };
    img.onerror = function () { reject(new Error('a recorded surface could not be decoded')); };
    img.src = 'data:image/png;base64,' + b64;
  });
}

// A surface of recorded levels on the plot: shading and the p = 0.5 line
function drawLevels(plot, raster, levels, pal, colors) {
  var n = raster.n, b = new Uint8Array(n * n);
  for (var i = 0; i < n * n; i++) { b[i] = Math.min(9, Math.floor(levels[i] / 25)); }
  plot.image(raster.bands(b, colors));
  // levels are floor(250 p): p = 0.5 lies between 124 and 125
  plot.contour(levels, n, 124.5, pal.ink, 2);
}
