/* lifeport-map: draws the maps of one page from the JSON data element with id lp-data.
 *
 * Registry text arrives only as JSON strings and reaches the page only through textContent and
 * setAttribute, never as HTML, so a name full of markup or script shows as text. The few
 * HTML strings in the data (legend, layer names, panel captions) were built in Python by
 * render.safe.html_text. Links are made only for http(s) URLs that Python already accepted.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('lp-data').textContent);
  var words = data.labels;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function term(vocabulary, id) {
    var table = words.terms[vocabulary] || {};
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

  // The popup of one site, built from its record when it is opened.
  function popup(feature) {
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
        parts.push(e[0] + ' (' + words.year + ' ' + e[1] + (e[2] ? ', ' + e[2] : '') + '; ' +
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
    (p.src || []).forEach(function (s) {
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

  function clusterIcon(layer) {
    return function (cluster) {
      return L.divIcon({html: String(cluster.getChildCount()),
                        className: 'lp-cluster lp-cluster-' + layer.id,
                        iconSize: L.point(layer.clusterSize, layer.clusterSize),
                        iconAnchor: L.point(layer.clusterAnchor[0], layer.clusterAnchor[1])});
    };
  }

  function drawMap(spec, sites) {
    var map = L.map(spec.id, spec.options);
    L.control.scale({imperial: false}).addTo(map);
    if (spec.tiles) {
      L.tileLayer(spec.tiles.url, {attribution: spec.tiles.attribution,
                                   maxZoom: spec.options.maxZoom}).addTo(map);
    }
    if (spec.outlines.features.length) {
      L.geoJSON(spec.outlines, {
        style: function (f) { return f.properties.approximate ? spec.outlineStyle.approximate
                                                               : spec.outlineStyle.official; },
        onEachFeature: function (f, layer) { layer.bindTooltip(outlineTip(f), {sticky: true}); }
      }).addTo(map);
      if (spec.regionNames) {
        // Without a basemap the reader needs the region names to find their way.
        L.geoJSON(spec.outlines, {
          style: function () { return {stroke: false, fill: false}; }, interactive: false,
          onEachFeature: function (f, layer) {
            layer.bindTooltip(textTip(f.properties.name),
                              {permanent: true, direction: 'top', className: 'lp-region-label'});
          }
        }).addTo(map);
      }
    }
    var layers = {};
    var overlays = {};
    var firstMarker = {};
    var icons = {};
    spec.layers.forEach(function (layer) {
      var cluster = L.markerClusterGroup({maxClusterRadius: 35, showCoverageOnHover: false,
                                          spiderfyOnMaxZoom: true, chunkedLoading: true,
                                          iconCreateFunction: clusterIcon(layer)});
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
          marker.bindPopup(function () { return popup(f); }, {maxWidth: 380});
          marker.bindTooltip(textTip(f.properties.name));
          if (!firstMarker[f.id]) { firstMarker[f.id] = {marker: marker, layer: layer.id}; }
        }
      });
      cluster.addLayer(geojson);
      cluster.addTo(map);
      layers[layer.id] = {cluster: cluster, geojson: geojson};
      overlays[layer.name] = cluster;
    });
    if (spec.layerControl) {
      L.control.layers(null, overlays, {collapsed: false, position: 'topright'}).addTo(map);
    }
    if (spec.fit) { map.fitBounds(spec.fit, {padding: [20, 20]}); }
    if (spec.legend !== null) {
      var legend = L.control({position: 'bottomleft'});
      legend.onAdd = function () {
        var div = L.DomUtil.create('div');
        div.innerHTML = spec.legend;  // built by render.safe.html_text in Python
        L.DomEvent.disableClickPropagation(div);
        return div;
      };
      legend.addTo(map);
    }
    if (spec.search) { addSearch(map, layers, sites, firstMarker, spec.search); }
    window.lifeport.maps.push({map: map, layers: layers, region: spec.region});
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
          button.addEventListener('click', function () {
            var cluster = layers[e.hit.layer].cluster;
            if (!map.hasLayer(cluster)) { map.addLayer(cluster); }
            cluster.zoomToShowLayer(e.hit.marker, function () { e.hit.marker.openPopup(); });
          });
        });
      });
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    box.addTo(map);
  }

  window.lifeport = window.lifeport || {maps: []};
  data.maps.forEach(function (spec) { drawMap(spec, spec.sites); });
})();
