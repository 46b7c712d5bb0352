/* lifeport-map: draws the sites, outlines and base map of each folium map on the page from the
 * JSON data element with id lp-data (folium calls window.lifeport.draw for each map).
 *
 * Registry text arrives only as JSON strings and reaches the page only through textContent and
 * setAttribute, never as HTML, so a name full of markup or script shows as text. The few
 * HTML strings in the data (legend, layer names, panel captions) were built in Python by
 * render.safe.html_text. Links are made only for http(s) URLs that Python already accepted.
 */
(function () {
  'use strict';
  // The page data is parsed on first use: this script sits in the head, the data in the body.
  var parsed = null;
  function data() {
    if (parsed === null) { parsed = JSON.parse(document.getElementById('lp-data').textContent); }
    return parsed;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function term(vocabulary, id) {
    var table = data().labels.terms[vocabulary] || {};
    return Object.prototype.hasOwnProperty.call(table, id) ? table[id] : id;
  }
  // [text, href or null] -> a link opened without access to this page, or plain text.
  function linkOrText(pair) {
    var href = pair[1];
    if (typeof href === 'string' && /^https?:\/\//i.test(href)) {
      var a = el('a', null, pair[0]);
      a.setAttribute('href', href);
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
      return a;
    }
    return document.createTextNode(String(pair[0]));
  }

  // The popup of one site, built from its record when it is opened; ``sources`` is the
  // collection's table of distinct sources that the record's ``src`` indexes.
  function popup(feature, sources) {
    var words = data().labels;
    var p = feature.properties;
    var box = el('div', 'lp-popup');
    box.appendChild(el('h3', null, p.name));
    var table = el('table');
    box.appendChild(table);
    function row(key, nodes) {
      var tr = el('tr');
      tr.appendChild(el('th', null, words[key]));
      var td = el('td');
      nodes.forEach(function (n) { td.appendChild(typeof n === 'string' ? document.createTextNode(n) : n); });
      tr.appendChild(td);
      table.appendChild(tr);
    }
    row('organisation', [p.org]);
    row('kind', [term('kinds', p.kind)]);
    row('activities', [p.acts.map(function (a) { return term('activities', a); }).join(', ')]);
    if (p.emp) {
      var parts = [];
      p.emp.forEach(function (e, i) {
        if (i) { parts.push(el('br')); }
        parts.push(e[0] + ' (' + words.year + ' ' + e[1] + (e[2] ? ', ' + term('employee_scopes', e[2]) : '') + '; ' +
                   words.source + ': ');
        parts.push(linkOrText(e[3]));
        parts.push(')');
      });
      row('employees', parts);
    }
    if (p.fac) {  // [type, [mm], [technologies], node or null, [value, unit, year] or null]
      var fac = [term('facility_types', p.fac[0])];
      if (p.fac[1].length) { fac.push(p.fac[1].join('/') + ' mm'); }
      if (p.fac[2].length) { fac.push(p.fac[2].map(function (t) { return term('technologies', t); }).join(', ')); }
      if (p.fac[3]) { fac.push(p.fac[3] + ' nm'); }
      if (p.fac[4]) { fac.push(p.fac[4][0] + ' ' + term('capacity_units', p.fac[4][1]) + ' (' + p.fac[4][2] + ')'); }
      row('facility', [fac.join('; ')]);
    }
    if (p.ev) {  // [date, type, note or null], oldest first
      var evs = [];
      p.ev.forEach(function (e, i) {
        if (i) { evs.push(el('br')); }
        evs.push(e[0] + ' ' + term('event_types', e[1]) + (e[2] ? ': ' + e[2] : ''));
      });
      row('events', evs);
    }
    row('status', [term('statuses', p.status)]);
    row('precision', [p.where + (p.prec ? ' (' + term('precisions', p.prec) + ')' : '')]);
    if (p.web) { row('website', [linkOrText(p.web)]); }
    box.appendChild(el('p', 'lp-sources-title', words.sources));
    var list = el('ol', 'lp-sources');
    (p.src || []).forEach(function (i) {
      var s = sources[i];  // the collection's table of distinct sources
      var li = el('li');
      li.appendChild(linkOrText(s));
      if (s[2]) { li.appendChild(document.createTextNode(' (' + s[2] + ')')); }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function textTip(text) { return function () { return el('span', null, text); }; }

  function outlineTip(feature) {
    return function () {
      var p = feature.properties;
      var span = el('span');
      span.appendChild(el('b', null, p.name));
      span.appendChild(el('br'));
      span.appendChild(document.createTextNode(p.definition));
      span.appendChild(el('br'));
      span.appendChild(el('i', null, p.note));
      return span;
    };
  }

  var layerStyle = function (id) { return data().layerStyles[id]; };

  // Cluster bubbles of one layer (folium's MarkerCluster asks for this function by layer id).
  function clusterIcon(id) {
    return function (cluster) {
      var style = layerStyle(id);
      return L.divIcon({html: String(cluster.getChildCount()),
                        className: 'lp-cluster lp-cluster-' + id,
                        iconSize: L.point(style.clusterSize, style.clusterSize),
                        iconAnchor: L.point(style.clusterAnchor[0], style.clusterAnchor[1])});
    };
  }

  function pane(map, name, zIndex) {
    var p = map.createPane(name);
    p.style.zIndex = zIndex;
    p.style.pointerEvents = 'none';
    return name;
  }

  // The vector base map: land, country borders and coastline, faint NUTS-3 borders, and the
  // names of the larger cities (GeoNames), placed greedily so that no two overlap.
  function drawContext(map, context) {
    var base = pane(map, 'lp-base', 150);
    var borders = pane(map, 'lp-borders', 390);
    var labels = pane(map, 'lp-labels', 450);
    L.geoJSON(context.countries, {pane: base, interactive: false,
      style: function () { return {color: '#8a8a8a', weight: 1.1, fillColor: '#f7f5f0', fillOpacity: 1}; }
    }).addTo(map);
    L.geoJSON(context.borders, {pane: borders, interactive: false,
      style: function () { return {color: '#9a9a9a', weight: 0.7, dashArray: '2 3', fill: false}; }
    }).addTo(map);
    var markers = context.cities.map(function (c, i) {
      // The region's own city, and on Bijlage 1 the cities of the regions it outlines, come
      // first (in that order) and are named at every zoom.
      var first = (context.first || []).indexOf(i);
      var kind = i === context.own ? 'lp-city lp-own' : (first >= 0 ? 'lp-city lp-centre' : 'lp-city');
      var label = el('span', 'lp-city-name', c[0]);
      var m = L.marker([c[1], c[2]], {pane: labels, interactive: false, keyboard: false,
        icon: L.divIcon({className: kind, html: label, iconSize: null, iconAnchor: [0, 0]})});
      m.population = c[3];
      m.first = first;
      m.own = first >= 0 || i === context.own;
      return m;
    });
    function rank(m) { return m.first >= 0 ? m.first : (m.own ? -1 : Infinity); }
    markers.sort(function (a, b) { var x = rank(a), y = rank(b); return x === y ? 0 : (x < y ? -1 : 1); });
    markers.forEach(function (m) { m.addTo(map); });
    var sides = ['centre', 'right', 'left', 'above', 'below', 'right far', 'left far', 'above far', 'below far'];
    var diagonals = ['above right', 'below right', 'above left', 'below left'];
    var ownSides = sides.concat(['above farther', 'below farther', 'right farther', 'left farther'], diagonals,
      ['above farthest', 'below farthest', 'right farthest', 'left farthest']);
    // A city of 100,000 inhabitants or more also tries the four spots diagonally beside it:
    // among the dots of a region, the sides alone left out Amsterdam, Rotterdam and Den Haag.
    var BIG_CITY = 100000, bigSides = sides.concat(diagonals);
    function meets(box, boxes) {
      return boxes.some(function (t) { return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]; });
    }
    function covered(box, boxes) {  // how much of the boxes ``box`` covers, in square pixels
      return boxes.reduce(function (sum, t) {
        var w = Math.min(box[2], t[2]) - Math.max(box[0], t[0]), h = Math.min(box[3], t[3]) - Math.max(box[1], t[1]);
        return sum + (w > 0 && h > 0 ? w * h : 0);
      }, 0);
    }
    // A place's name yields to the sites: it is left out where it would touch a dot, a cluster,
    // a region's name or a control, or a larger place's name, or be cut by the map's edge. The
    // region's own city (and on Bijlage 1 each outlined region's city) is named in any case:
    // where every spot around it touches a dot or a cluster, at the spot that touches no control,
    // region name, other name or edge and covers the least of the dots (the first such spot).
    function place() {
      var zoom = map.getZoom();
      var least = zoom <= 7 ? 100000 : (zoom <= 8 ? 40000 : (zoom <= 9 ? 20000 : 8000));
      var taken = [], fixed = [];
      var frame = map.getContainer().getBoundingClientRect();
      Array.prototype.forEach.call(map.getContainer().querySelectorAll(
        '.lp-site, .lp-cluster, .leaflet-control, .lp-region-name'), function (n) {
        var r = n.getBoundingClientRect();
        if (r.width > 0) {
          taken.push([r.left, r.top, r.right, r.bottom]);
          if (!n.classList.contains('lp-site') && !n.classList.contains('lp-cluster')) {
            fixed.push([r.left, r.top, r.right, r.bottom]);
          }
        }
      });
      markers.forEach(function (m) {  // the own city, then by population (sorted in Python)
        var node = m.getElement();
        if (!node) { return; }
        node.style.display = 'none';
        if (m.population < least && !m.own) { return; }
        node.style.display = '';
        // On the place; where that is taken, beside it (right, left, above, below), then a
        // little further out (a town hidden among its sites' dots is still named).
        function boxAt(side) {
          node.setAttribute('data-side', side);
          var r = node.firstChild.getBoundingClientRect();
          var cut = r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom;
          return r.width === 0 || cut ? null : [r.left - 2, r.top - 2, r.right + 2, r.bottom + 2];
        }
        function take(box) { taken.push(box); fixed.push(box); }
        function tryAt(side) {
          var box = boxAt(side);
          if (box && !meets(box, taken)) { take(box); return true; }
          return false;
        }
        var free = (m.own ? ownSides : (m.population >= BIG_CITY ? bigSides : sides)).some(tryAt);
        if (!free && m.own) {
          var best = null, lowest = Infinity;
          ownSides.forEach(function (side) {
            var box = boxAt(side);
            var cost = box && !meets(box, fixed) ? covered(box, taken) : Infinity;
            if (cost < lowest) { best = side; lowest = cost; }
          });
          if (best !== null) { take(boxAt(best)); free = true; }
        }
        if (!free) { node.style.display = 'none'; }
      });
    }
    // Again once clusters and region names have settled (those are placed 300 and 1000 ms
    // after a move): then the dots are where they stay.
    var timer = null;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { place(); timer = setTimeout(place, 800); }, 350);
    }
    map.on('zoomend moveend resize', place);
    map.on('zoomend moveend resize layeradd layerremove', later);
    map.whenReady(function () { setTimeout(place, 0); later(); });
    return later;
  }

  // Region names beside their outline, never on it: above, below, left or right of the
  // outline's box, whichever first stays on the map and overlaps neither another region name
  // nor a dot, a cluster or a control; a name with no such place is left out.
  function drawRegionNames(map, outlines) {
    var labels = pane(map, 'lp-region-names', 460);
    var names = outlines.features.map(function (f) {
      var bounds = L.geoJSON(f).getBounds();
      var m = L.marker(bounds.getCenter(), {pane: labels, interactive: false, keyboard: false,
        icon: L.divIcon({className: 'lp-region-label', html: el('span', 'lp-region-name', f.properties.name),
                         iconSize: null, iconAnchor: [0, 0]})});
      m.bounds = bounds;
      return m.addTo(map);
    });
    function box(node) {
      var r = node.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    }
    function clashes(b, boxes) {
      return boxes.some(function (t) { return b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3]; });
    }
    function place() {
      var container = map.getContainer();
      var frame = box(container);
      var dots = Array.prototype.map.call(
        container.querySelectorAll('.lp-site, .lp-cluster, .leaflet-control'), box);
      var taken = [];
      names.forEach(function (m) {
        var b = m.bounds;
        var spots = [['top', [b.getNorth(), b.getCenter().lng]], ['bottom', [b.getSouth(), b.getCenter().lng]],
                     ['left', [b.getCenter().lat, b.getWest()]], ['right', [b.getCenter().lat, b.getEast()]]];
        var node = m.getElement();
        if (!node) { return; }
        node.style.display = '';
        var chosen = null;
        spots.some(function (spot) {
          m.setLatLng(spot[1]);
          node.setAttribute('data-side', spot[0]);
          var here = box(node.firstChild);
          var inside = here[0] >= frame[0] && here[1] >= frame[1] && here[2] <= frame[2] && here[3] <= frame[3];
          if (inside && !clashes(here, taken) && !clashes(here, dots)) { chosen = here; return true; }
          return false;
        });
        // Nowhere free (a whole country on a phone): left out until a zoom makes room; the
        // outline still names the region when touched.
        if (chosen) { taken.push(chosen); } else { node.style.display = 'none'; }
      });
    }
    // Clusters animate in and out after a move, and layers are switched: place once it settles.
    var timer = null;
    function later() {  // and once more when late cluster animations have surely ended
      clearTimeout(timer);
      timer = setTimeout(function () { place(); timer = setTimeout(place, 700); }, 300);
    }
    map.on('zoomend moveend resize layeradd layerremove', later);
    map.whenReady(later);
    return later;
  }

  // The padding for fitBounds that keeps the data clear of the controls: each corner's
  // controls (zoom and search, layer list, legend and scale, credits) are stepped around either
  // beside them or below/above them; of the 2^n choices the one that lets the data be shown
  // largest wins (the deepest zoom, then the largest free area). A margin of 20 px leaves room
  // for half a cluster.
  function controlPadding(map, fit) {
    var margin = 20, container = map.getContainer(), frame = container.getBoundingClientRect();
    var size = map.getSize(), corners = [];
    [['top', 'left'], ['top', 'right'], ['bottom', 'left'], ['bottom', 'right']].forEach(function (c) {
      var holder = container.querySelector('.leaflet-' + c[0] + '.leaflet-' + c[1]);
      var w = 0, h = 0;
      Array.prototype.forEach.call(holder ? holder.children : [], function (n) {
        var r = n.getBoundingClientRect();
        if (!r.width || !r.height) { return; }
        w = Math.max(w, c[1] === 'left' ? r.right - frame.left : frame.right - r.left);
        h = Math.max(h, c[0] === 'top' ? r.bottom - frame.top : frame.bottom - r.top);
      });
      if (w && h) { corners.push({vertical: c[0], horizontal: c[1], w: w + margin, h: h + margin}); }
    });
    var best = null;
    for (var mask = 0; mask < (1 << corners.length); mask++) {
      var pad = {top: margin, bottom: margin, left: margin, right: margin};
      corners.forEach(function (c, i) {
        if (mask & (1 << i)) { pad[c.horizontal] = Math.max(pad[c.horizontal], c.w); }
        else { pad[c.vertical] = Math.max(pad[c.vertical], c.h); }
      });
      var free = L.point(size.x - pad.left - pad.right, size.y - pad.top - pad.bottom);
      if (free.x < 60 || free.y < 60) { continue; }
      var zoom = map.getBoundsZoom(fit, false, L.point(pad.left + pad.right, pad.top + pad.bottom));
      var area = free.x * free.y;
      if (!best || zoom > best.zoom || (zoom === best.zoom && area > best.area)) {
        best = {zoom: zoom, area: area, pad: pad};
      }
    }
    var chosen = best ? best.pad : {top: margin, bottom: margin, left: margin, right: margin};
    return {paddingTopLeft: [chosen.left, chosen.top], paddingBottomRight: [chosen.right, chosen.bottom]};
  }

  function draw(map, index, clusters) {
    var spec = data().maps[index];
    var sites = spec.sites;
    var container = map.getContainer();
    container.classList.add('lp-map');
    var placeNames = null;
    var placeCities = spec.context ? drawContext(map, spec.context) : null;
    if (spec.outlines.features.length) {
      L.geoJSON(spec.outlines, {
        style: function (f) { return f.properties.approximate ? spec.outlineStyle.approximate
                                                               : spec.outlineStyle.official; },
        onEachFeature: function (f, layer) { layer.bindTooltip(outlineTip(f), {sticky: true}); }
      }).addTo(map);
      if (spec.regionNames) { placeNames = drawRegionNames(map, spec.outlines); }
    }
    var layers = {};
    var firstMarker = {};
    var icons = {};
    var narrow = window.innerWidth < 600;
    // A popup is never taller than the map, nor the window, leaves room for: above it the
    // auto-pan margin, around its text Leaflet's margins, its tip and the marker's offset (70 px).
    // A longer one scrolls inside (Leaflet's maxHeight), so its top and close button stay in view.
    // Nor is it wider than the map (a Bijlage 2 panel) or the window, less Leaflet's margins
    // (60 px). Measured when it opens, as the page has its final layout then.
    // Measured again when a phone turns (the map's "resize"): see below.
    function fitPopup(marker) {
      // The map's size as laid out now (a scroll bar or a panel that settled after the map was
      // made changes it), so that the auto-pan that follows keeps the popup inside the map.
      map.invalidateSize({pan: false});
      var box = map.getContainer(), options = marker.getPopup().options;
      var top = window.innerWidth < 600 ? 70 : 20;  // the phone's controls, as the window is now
      options.autoPanPaddingTopLeft = [10, top];
      options.maxHeight = Math.max(120, Math.min(box.clientHeight, window.innerHeight) - top - 70);
      options.maxWidth = Math.max(160, Math.min(380, box.clientWidth - 60, window.innerWidth - 60));
    }
    // A phone turned (390x844 to 844x390) or a window resized with a popup open: its size and
    // place are worked out again (update() calls the content function, so fitPopup, and pans
    // it into view), so it stays inside the new window.
    var openPopup = null;
    map.on('popupopen', function (e) { openPopup = e.popup; });
    map.on('popupclose', function (e) { if (openPopup === e.popup) { openPopup = null; } });
    // Not again from inside itself: update() measures the map (fitPopup's invalidateSize), and
    // a popup that brings a scroll bar and takes it away would resize the map back and forth.
    var placing = false;
    map.on('resize', function () {
      if (placing || !openPopup || !map.hasLayer(openPopup)) { return; }
      placing = true;
      try { openPopup.update(); } finally { placing = false; }
    });
    spec.layers.forEach(function (layer) {
      var cluster = clusters[layer.id];
      var geojson = L.geoJSON(sites, {
        filter: function (f) { return f.properties.layers.indexOf(layer.id) >= 0; },
        pointToLayer: function (f, latlng) {
          var key = f.properties.status;
          if (!icons[layer.id + ' ' + key]) {
            icons[layer.id + ' ' + key] = L.divIcon({
              html: '', iconSize: [layer.size, layer.size], iconAnchor: layer.anchor,
              className: 'lp-site lp-layer-' + layer.id + ' lp-status-' + key});
          }
          return L.marker(latlng, {icon: icons[layer.id + ' ' + key]});
        },
        onEachFeature: function (f, marker) {
          marker.bindPopup(function () { fitPopup(marker); return popup(f, sites.sources); });
          marker.bindTooltip(textTip(f.properties.name));
          if (!firstMarker[f.id]) { firstMarker[f.id] = {marker: marker, layer: layer.id}; }
        }
      });
      cluster.addLayer(geojson);
      if (placeNames) { cluster.on('animationend', placeNames); }
      if (placeCities) { cluster.on('animationend', placeCities); }
      if (!map.hasLayer(cluster)) { cluster.addTo(map); }
      layers[layer.id] = {cluster: cluster, geojson: geojson};
    });
    // Sources, date and registry version: fixed words and generated values, escaped in Python.
    if (spec.credits && map.attributionControl) { map.attributionControl.addAttribution(spec.credits); }
    if (spec.legend !== null) {
      var legend = L.control({position: 'bottomleft'});
      legend.onAdd = function () {
        var div = L.DomUtil.create('div');
        div.innerHTML = spec.legend;  // built by render.safe.html_text in Python
        if (narrow) { var d = div.querySelector('details'); if (d) { d.removeAttribute('open'); } }
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      };
      legend.addTo(map);
    }
    if (spec.search) { addSearch(map, layers, sites, firstMarker, spec.search); }
    // On a phone the layer list folds into its button and the controls step aside for a popup.
    var control = container.querySelector('.leaflet-control-layers');
    if (control && narrow) {
      control.classList.remove('leaflet-control-layers-expanded');
      control.querySelector('.leaflet-control-layers-toggle').addEventListener('click', function (e) {
        e.preventDefault();
        control.classList.toggle('leaflet-control-layers-expanded');
      });
    }
    // Fit the sites and outlines in the part of the map the controls leave free (once they
    // have their final size): see controlPadding.
    // Without animation: the page opens at rest, so a search hit right away (or a script) does not
    // meet a zoom that is still under way.
    if (spec.fit) {
      var padding = controlPadding(map, spec.fit);
      padding.animate = false;
      map.fitBounds(spec.fit, padding);
    }
    map.on('popupopen', function () { container.classList.add('lp-popup-open'); });
    map.on('popupclose', function () { container.classList.remove('lp-popup-open'); });
    window.lifeport.maps.push({map: map, layers: layers, region: spec.region});
  }

  // Shows ``marker`` (zooming its cluster open, or spreading it at the deepest zoom), then calls
  // ``then`` once, when the marker is drawn and no zoom is under way. Leaflet.markercluster's
  // zoomToShowLayer alone is not enough: it calls back while a zoom started before it still runs
  // (which then clusters the marker again and closes its popup), and never when the zoom it
  // waits for ended before it looked. So its answer is checked, the marker is also looked for
  // every 100 ms, the zoom is asked for again when the answer was stale or after 3 s without
  // one, and after 15 s the search gives up (the map stays usable). The listeners
  // zoomToShowLayer leaves behind are taken off at the end, so that a later zoom by hand does not
  // spread that cluster out. A newer reveal (the next search hit) ends an earlier one unfinished.
  var revealing = null;
  function reveal(cluster, marker, then) {
    var map = cluster._map, done = false, answered = false, ticks = 0, left = [];
    if (revealing) { revealing(); }
    revealing = function () { if (!done) { stop(); } };
    function listeners(target, type) { return ((target._events || {})[type] || []).slice(); }
    function still() { return !cluster._inZoomAnimation && !map._animatingZoom; }
    function shown() { return Boolean(marker._icon) && still(); }
    function stop() {
      done = true;
      left.forEach(function (x) { x[0].off(x[1], x[2].fn, x[2].ctx); });
    }
    function check() {
      answered = true;
      if (!done && shown()) { stop(); then(); }
    }
    function ask() {
      var before = [[map, 'moveend', listeners(map, 'moveend')],
                    [cluster, 'animationend', listeners(cluster, 'animationend')]];
      answered = false;
      cluster.zoomToShowLayer(marker, check);
      before.forEach(function (b) {
        listeners(b[0], b[1]).forEach(function (h) {
          if (b[2].indexOf(h) < 0) { left.push([b[0], b[1], h]); }
        });
      });
    }
    ask();
    var timer = setInterval(function () {
      ticks += 1;
      if (!done && shown()) { stop(); then(); }
      if (!done && ticks >= 150) { stop(); }
      if (done) { clearInterval(timer); return; }
      if ((answered && still()) || ticks % 30 === 0) { ask(); }
    }, 100);
  }

  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function addSearch(map, layers, sites, firstMarker, words) {
    var index = [];
    sites.features.forEach(function (f) {
      var p = f.properties;
      if (firstMarker[f.id]) {
        index.push({key: fold(p.name + ' ' + p.org), name: p.name, org: p.org, hit: firstMarker[f.id]});
      }
    });
    index.sort(function (a, b) { return a.name < b.name ? -1 : (a.name > b.name ? 1 : 0); });
    var box = L.control({position: 'topleft'});
    box.onAdd = function () {
      var div = L.DomUtil.create('div', 'lp-box lp-search');
      var input = L.DomUtil.create('input', '', div);
      input.type = 'search';
      input.placeholder = words.placeholder;
      input.setAttribute('aria-label', words.placeholder);
      var list = L.DomUtil.create('ul', '', div);
      input.addEventListener('input', function () {
        list.textContent = '';
        var q = fold(input.value.trim());
        if (!q) { return; }
        var hits = index.filter(function (e) { return e.key.indexOf(q) >= 0; }).slice(0, 12);
        if (!hits.length) { L.DomUtil.create('li', '', list).textContent = words.nomatch; return; }
        hits.forEach(function (e) {
          var button = L.DomUtil.create('button', '', L.DomUtil.create('li', '', list));
          button.type = 'button';
          button.textContent = e.name + (e.org && e.org !== e.name ? ' (' + e.org + ')' : '');
          button.addEventListener('click', function (ev) {
            // The map must not see this click: once the list is emptied the button is out of the
            // page, Leaflet no longer finds the search box above it and would take the click as
            // one on the map, closing the popup that opens right away for a marker in view.
            L.DomEvent.stopPropagation(ev);
            list.textContent = '';  // the list would cover the popup
            input.blur();  // and the phone's keyboard half the map
            var cluster = layers[e.hit.layer].cluster;
            if (!map.hasLayer(cluster)) { map.addLayer(cluster); }
            reveal(cluster, e.hit.marker, function () { e.hit.marker.openPopup(); });
          });
        });
      });
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    box.addTo(map);
  }

  window.lifeport = {maps: [], draw: draw, clusterIcon: clusterIcon, reveal: reveal};
})();
