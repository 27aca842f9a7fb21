/* The interactive Handoff map: Cytoscape.js (served by the app from its WebJar) on the JSON of /maps/{token}/data. */
(function () {
  'use strict';
  var token = window.location.pathname.split('/').filter(Boolean)[1];
  var state = window.handoffMap = { ready: false, loads: 0, cy: null, data: null, error: null, centre: null };
  var rank = { routine: 0, important: 1, critical: 2 };

  function $(id) { return document.getElementById(id); }

  /** A line in the side panel: a plain notice (what the viewer may not see, loading) or, rarely, a failure. */
  function message(text, kind) {
    var box = $('message');
    box.textContent = text || '';
    box.className = text ? (kind || 'notice') : '';
  }

  function load(centre) {
    var url = '/maps/' + encodeURIComponent(token) + '/data' + (centre ? '?centre=' + encodeURIComponent(centre) : '');
    message(centre ? 'Loading…' : '');
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          // A map the viewer may not see comes back as a sentence for them: shown as it is, the map stays.
          state.error = result.body.detail || 'This map could not be loaded.';
          message(state.error, result.body.kind === 'not-shown' ? 'notice' : 'failure');
          return;
        }
        state.error = null;
        state.centre = centre || null;
        $('back').hidden = !centre;
        message('');
        render(result.body);
        announce(result.body.title + ': ' + boxes().length + ' people and '
          + state.cy.edges(':visible').length + ' handoffs. The list of people and handoffs follows the map.');
        // A list button that re-centred the map is gone with the old list: focus goes to the new list's heading.
        if (centre && (!document.activeElement || document.activeElement === document.body
            || !document.body.contains(document.activeElement))) {
          $('map-list-heading').focus();
        }
      })
      .catch(function () {
        state.error = 'This map could not be loaded. Check your connection and try again.';
        message(state.error, 'failure');
      });
  }

  function elements(data) {
    var list = [];
    data.groups.forEach(function (group) {
      list.push({ group: 'nodes', data: { id: 'group:' + group.id, label: group.name, team: group.id, kind: 'group' },
        classes: 'team-frame' });
    });
    data.nodes.forEach(function (node) {
      list.push({
        group: 'nodes',
        data: {
          id: node.id, label: node.note ? node.label + '\n' + node.note : node.label, name: node.label,
          kind: node.kind, team: node.group || node.id, width: node.width || 110, height: node.height || 34,
          parent: node.group ? 'group:' + node.group : undefined
        },
        position: { x: node.x || 0, y: node.y || 0 },
        classes: node.centre ? 'centre' : ''
      });
    });
    var centres = {};
    data.nodes.forEach(function (node) { centres[node.id] = { x: node.x || 0, y: node.y || 0 }; });
    data.edges.forEach(function (edge) {
      var classes = [];
      if (edge.critical) { classes.push('critical'); }
      if (edge.unconfirmed) { classes.push('unconfirmed'); }
      if (edge.disputed > 0) { classes.push('disputed'); }
      var item = {
        group: 'edges',
        data: {
          id: edge.id, source: edge.from, target: edge.to, what: edge.what, edge: edge,
          colour: edge.colour, width: 0.6 + edge.weight * 0.6 * (edge.critical ? 1.8 : 1)
        }
      };
      var route = routeStyle(edge.points, centres[edge.from], centres[edge.to]);
      if (route) {
        Object.keys(route).forEach(function (key) { item.data[key] = route[key]; });
        classes.push(route.weights ? 'routed' : 'straight-routed');
      }
      item.classes = classes.join(' ');
      list.push(item);
      if (edge.label) {
        // The label where the layout put it (a box of its own that covers no person and no other label), not
        // wherever the browser would centre it on the line.
        list.push({
          group: 'nodes',
          data: {
            id: 'label:' + edge.id, kind: 'label', edgeId: edge.id, edge: edge,
            label: (edge.disputed > 0 ? '✕ ' : '') + edge.label.text,
            width: edge.label.width + (edge.disputed > 0 ? 14 : 0), height: edge.label.height
          },
          position: { x: edge.label.x, y: edge.label.y },
          classes: 'edge-label' + (edge.critical ? ' critical' : '') + (edge.disputed > 0 ? ' disputed' : '')
        });
      }
    });
    return list;
  }

  /**
   * The laid-out route as Cytoscape's segments: the ends as offsets from the boxes' centres, each bend as a weight
   * along the line between the centres and a distance from it (edge-distances: node-position).
   */
  function routeStyle(points, source, target) {
    if (!points || points.length < 2 || !source || !target) { return null; }
    var first = points[0];
    var last = points[points.length - 1];
    var style = {
      sourceEndpoint: (first[0] - source.x) + 'px ' + (first[1] - source.y) + 'px',
      targetEndpoint: (last[0] - target.x) + 'px ' + (last[1] - target.y) + 'px'
    };
    var dx = target.x - source.x;
    var dy = target.y - source.y;
    var length2 = dx * dx + dy * dy;
    if (points.length === 2 || length2 === 0) { return style; }
    var length = Math.sqrt(length2);
    var weights = [];
    var distances = [];
    points.slice(1, points.length - 1).forEach(function (p) {
      var px = p[0] - source.x;
      var py = p[1] - source.y;
      weights.push((px * dx + py * dy) / length2);
      distances.push((dx * py - dy * px) / length);
    });
    style.weights = weights.join(' ');
    style.distances = distances.join(' ');
    return style;
  }

  function shorten(text, max) {
    return text.length <= max ? text : text.substring(0, max - 1) + '…';
  }

  function render(data) {
    state.data = data;
    $('title').textContent = data.title;
    document.title = data.title + ' · Handoff';
    if (state.cy) { state.cy.destroy(); }
    state.cy = cytoscape({
      container: $('map'),
      elements: elements(data),
      layout: { name: 'preset', fit: true, padding: 30 },
      // Boxes stay where the layout put them: a dragged box would leave its routed lines behind.
      autoungrabify: true,
      minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'shape': 'round-rectangle', 'width': 'data(width)', 'height': 'data(height)', 'label': 'data(label)',
          'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'wrap', 'font-size': 13,
          'font-family': 'DejaVu Sans, sans-serif', 'background-color': '#ffffff', 'border-width': 1.3,
          'border-color': '#3e4c59', 'color': '#1f2933' } },
        { selector: 'node[kind = "team"]', style: { 'background-color': '#e3ecf8' } },
        { selector: 'node.centre', style: { 'background-color': '#fff1c2', 'border-width': 3, 'font-weight': 'bold' } },
        { selector: ':parent', style: {
          'background-color': '#f4f6fa', 'border-color': '#bcc6d3', 'text-valign': 'top', 'text-halign': 'center',
          'font-weight': 'bold', 'color': '#52606d', 'padding': 12, 'font-size': 12 } },
        { selector: 'edge', style: {
          'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)', 'width': 'data(width)', 'arrow-scale': 0.9 } },
        { selector: 'edge.straight-routed', style: {
          'curve-style': 'straight', 'source-endpoint': 'data(sourceEndpoint)',
          'target-endpoint': 'data(targetEndpoint)' } },
        { selector: 'edge.routed', style: {
          'curve-style': 'segments', 'edge-distances': 'node-position', 'segment-weights': 'data(weights)',
          'segment-distances': 'data(distances)', 'source-endpoint': 'data(sourceEndpoint)',
          'target-endpoint': 'data(targetEndpoint)' } },
        { selector: 'edge.unconfirmed', style: { 'line-style': 'dashed' } },
        { selector: 'node.edge-label', style: {
          'shape': 'round-rectangle', 'background-color': '#ffffff', 'background-opacity': 0.85, 'border-width': 0,
          'font-size': 10, 'font-weight': 'normal', 'color': '#52606d', 'text-wrap': 'none' } },
        { selector: 'node.edge-label.critical', style: { 'font-weight': 'bold' } },
        { selector: 'node.edge-label.disputed', style: { 'color': '#d0342c' } },
        { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#3e4c59' } },
        { selector: '.hidden', style: { 'display': 'none' } }
      ]
    });
    state.cy.on('tap', 'edge, node.edge-label', function (event) { showEdge(event.target.data('edge')); });
    state.selected = null;
    state.cy.on('tap', 'node[kind = "person"]', function (event) {
      if (event.target.id() !== state.centre) { load(event.target.id()); }
    });
    fillTeams(data);
    fillSummary(data.summary || {});
    applyFilters();
    state.loads++;
    state.ready = true;
  }

  function fillTeams(data) {
    var select = $('team-filter');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    var teams = data.groups.length > 0
      ? data.groups.map(function (g) { return { id: g.id, name: g.name }; })
      : data.nodes.map(function (n) { return { id: n.id, name: n.label }; });
    teams.forEach(function (team) {
      var option = document.createElement('option');
      option.value = team.id;
      option.textContent = team.name;
      select.appendChild(option);
    });
    select.value = teams.some(function (t) { return t.id === chosen; }) ? chosen : 'all';
  }

  function fillSummary(summary) {
    var box = $('summary-lines');
    box.textContent = '';
    var sections = [['Critical handoffs to watch', summary.criticalHandoffs],
      ['Hidden customers', summary.hiddenCustomers], ['Silos', summary.silos]];
    if (summary.handedOver && summary.handedOver.length) {
      sections.unshift(['What teams hand each other', summary.handedOver]); // items as typed: text only
    }
    sections.forEach(function (section) {
      var heading = document.createElement('h3');
      heading.textContent = section[0];
      box.appendChild(heading);
      var list = document.createElement('ul');
      (section[1] && section[1].length ? section[1] : ['none']).forEach(function (line) {
        var item = document.createElement('li');
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    });
    if (summary.collapsedNote) {
      var note = document.createElement('p');
      note.textContent = summary.collapsedNote;
      box.appendChild(note);
    }
  }

  function nameOf(id) {
    var n = state.cy.getElementById(id);
    return n.nonempty() ? n.data('name') : id;
  }

  /** Says {@code text} to screen readers through the polite live region (cleared first so a repeat is heard). */
  function announce(text) {
    var region = $('announce');
    region.textContent = '';
    window.setTimeout(function () { region.textContent = text; }, 50);
    state.announced = text;
  }

  /**
   * Shows a handoff's details, announces them and moves focus to them: the same for a tap, a list item and the
   * keyboard, so nobody is left on the page body wondering what changed.
   */
  function showEdge(edge) {
    var cy = state.cy;
    var name = nameOf;
    cy.elements(':selected').unselect();
    cy.getElementById(edge.id).select();
    $('edge-details').hidden = false;
    $('edge-ends').textContent = name(edge.from) + ' → ' + name(edge.to);
    $('edge-what').textContent = edge.what;
    $('edge-status').textContent = edge.status + (edge.health && edge.health !== 'ok' ? ', ' + edge.health : '')
      + (edge.lastConfirmedAt ? ' (last confirmed ' + edge.lastConfirmedAt.substring(0, 10) + ')' : '');
    $('edge-terms').textContent = (edge.frequency ? edge.frequency + ', ' : edge.handoffs + ' handoffs, ')
      + edge.criticality;
    $('edge-friction').textContent = edge.friction
      ? edge.friction.trend.map(function (s) { return Math.round(s * 100) + '%'; }).join(' → ')
        + ' (' + edge.friction.respondents + ' answers)'
      : 'not shown: no friction poll yet, or too few answers to keep them anonymous';
    markSelected('edge:' + edge.id);
    announce('Handoff ' + $('edge-ends').textContent + ': ' + edge.what + '. ' + $('edge-status').textContent
      + '; ' + $('edge-terms').textContent + '.');
    $('edge-heading').focus();
  }

  /** The people one can move between with the arrow keys: every visible box that is neither a frame nor a label. */
  function boxes() {
    return state.cy.nodes().filter(function (n) { return !n.isParent() && !n.hasClass('edge-label') && n.visible(); });
  }

  function describe(node) {
    var visible = node.connectedEdges().filter(function (e) { return e.visible(); });
    var gives = visible.filter(function (e) { return e.source().id() === node.id(); })
      .map(function (e) { return e.target().data('name') + ' (' + e.data('what') + ')'; });
    var gets = visible.filter(function (e) { return e.target().id() === node.id(); })
      .map(function (e) { return e.source().data('name') + ' (' + e.data('what') + ')'; });
    var team = node.parent().nonempty() ? ', ' + node.parent().data('label') : '';
    return node.data('name') + team + (node.hasClass('centre') ? ', centre of the map' : '') + '. '
      + (gives.length ? 'Hands to ' + gives.join(', ') + '. ' : '')
      + (gets.length ? 'Receives from ' + gets.join(', ') + '. ' : '')
      + (!gives.length && !gets.length ? 'No handoffs shown. ' : '')
      + (node.data('kind') === 'person' && !node.hasClass('centre') ? 'Press Enter on the map to centre it here.' : '');
  }

  /** Selects a person (map and list), keeps them in view and announces who they are and what they hand over. */
  function selectNode(id) {
    var cy = state.cy;
    var node = cy.getElementById(id);
    if (node.empty()) { return; }
    cy.elements(':selected').unselect();
    node.select();
    state.selected = id;
    var box = node.renderedBoundingBox({ includeLabels: false });
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) {
      cy.center(node);
    }
    markSelected('node:' + id);
    announce(describe(node));
  }

  function markSelected(key) {
    Array.prototype.forEach.call(document.querySelectorAll('#map-list li'), function (li) {
      li.classList.toggle('selected', li.dataset.key === key);
    });
  }

  /** The nearest visible box in the arrow's direction (within 60 degrees of it), or none. */
  function neighbour(from, dx, dy) {
    var p = from.position();
    var best = null;
    var bestScore = Infinity;
    boxes().forEach(function (n) {
      if (n.id() === from.id()) { return; }
      var q = n.position();
      var along = (q.x - p.x) * dx + (q.y - p.y) * dy;
      var across = Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx);
      if (along <= 0 || across > along * 1.8) { return; }
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = n; }
    });
    return best;
  }

  function zoomBy(factor) {
    var cy = state.cy;
    if (!cy) { return; }
    var level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor));
    cy.zoom({ level: level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    announce('Zoom ' + Math.round(level * 100) + '%');
  }

  var arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  function onMapKey(event) {
    var cy = state.cy;
    if (!cy) { return; }
    var arrow = arrows[event.key];
    if (arrow && event.shiftKey) {
      cy.panBy({ x: -arrow[0] * 60, y: -arrow[1] * 60 });
    } else if (arrow) {
      var current = state.selected ? cy.getElementById(state.selected) : cy.collection();
      if (current.empty() || !current.visible()) {
        var start = boxes().filter('.centre');
        selectNode((start.nonempty() ? start : boxes()).first().id());
      } else {
        var next = neighbour(current, arrow[0], arrow[1]);
        if (next) { selectNode(next.id()); } else { announce('No one further in that direction.'); }
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      var node = state.selected ? cy.getElementById(state.selected) : cy.collection();
      if (node.nonempty() && node.data('kind') === 'person' && !node.hasClass('centre')) {
        load(node.id());
      } else if (node.nonempty()) {
        announce(describe(node));
      } else {
        announce('Use the arrow keys to pick a person first.');
      }
    } else if (event.key === '+' || event.key === '=') {
      zoomBy(1.25);
    } else if (event.key === '-' || event.key === '_') {
      zoomBy(0.8);
    } else if (event.key === '0') {
      fit();
    } else {
      return;
    }
    event.preventDefault();
  }

  function button(text, className, onClick, label) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    if (label) { b.setAttribute('aria-label', label); }
    b.addEventListener('click', onClick);
    return b;
  }

  /** The list beside the picture: every visible person and handoff, each item selecting, describing, re-centring. */
  function fillList() {
    var cy = state.cy;
    var people = $('people-list');
    var handoffs = $('handoff-list');
    people.textContent = '';
    handoffs.textContent = '';
    boxes().sort(function (a, b) { return a.data('name').localeCompare(b.data('name')); }).forEach(function (node) {
      var item = document.createElement('li');
      item.dataset.key = 'node:' + node.id();
      item.appendChild(button(node.data('name') + (node.hasClass('centre') ? ' (centre)' : ''), 'link person',
        function () { selectNode(node.id()); }));
      if (node.data('kind') === 'person' && !node.hasClass('centre')) {
        item.appendChild(button('Centre here', 'centre-on', function () { load(node.id()); },
          'Centre here on ' + node.data('name')));
      }
      people.appendChild(item);
    });
    cy.edges().filter(function (e) { return e.visible(); }).sort(function (a, b) {
      return (a.source().data('name') + a.target().data('name')).localeCompare(b.source().data('name')
        + b.target().data('name'));
    }).forEach(function (edge) {
      var data = edge.data('edge');
      var item = document.createElement('li');
      item.dataset.key = 'edge:' + edge.id();
      item.appendChild(button(nameOf(data.from) + ' → ' + nameOf(data.to) + ': ' + data.what
        + (data.critical ? ' (critical)' : '') + (data.disputed > 0 ? ' (disputed)' : ''), 'link handoff',
        function () { showEdge(data); }));
      handoffs.appendChild(item);
    });
    if (!people.firstChild) { people.appendChild(document.createElement('li')).textContent = 'No one shown.'; }
    if (!handoffs.firstChild) { handoffs.appendChild(document.createElement('li')).textContent = 'No handoffs shown.'; }
  }

  function applyFilters() {
    var cy = state.cy;
    if (!cy) { return; }
    var team = $('team-filter').value;
    var minimum = $('criticality-filter').value;
    cy.batch(function () {
      cy.elements().removeClass('hidden');
      if (minimum !== 'all') {
        cy.edges().filter(function (e) { return rank[e.data('edge').criticality] < rank[minimum]; }).addClass('hidden');
      }
      if (team !== 'all') {
        cy.nodes().filter(function (n) { return !n.hasClass('edge-label') && n.data('team') !== team; })
          .addClass('hidden');
      }
      cy.edges().filter(function (e) {
        return e.source().hasClass('hidden') || e.target().hasClass('hidden');
      }).addClass('hidden');
      if (minimum !== 'all') {
        cy.nodes().filter(function (n) {
          return !n.isParent() && !n.hasClass('centre') && !n.hasClass('edge-label')
            && n.connectedEdges().filter(function (e) { return !e.hasClass('hidden'); }).empty();
        }).addClass('hidden');
      }
      cy.nodes('.edge-label').filter(function (n) {
        return cy.getElementById(n.data('edgeId')).hasClass('hidden');
      }).addClass('hidden');
      cy.nodes().filter(function (n) {
        return n.isParent() && n.children().filter(function (c) { return !c.hasClass('hidden'); }).empty();
      }).addClass('hidden');
    });    fillList();
  }

  function fit() {
    if (state.cy) { state.cy.fit(state.cy.elements(':visible'), 30); }
  }

  function filterAndFit() {
    applyFilters();
    if (!state.cy) { return; }
    fit();
    announce(boxes().length + ' people and ' + state.cy.edges(':visible').length + ' handoffs shown.');
  }

  $('team-filter').addEventListener('change', filterAndFit);
  $('criticality-filter').addEventListener('change', filterAndFit);
  $('fit').addEventListener('click', fit);
  $('zoom-in').addEventListener('click', function () { zoomBy(1.25); });
  $('zoom-out').addEventListener('click', function () { zoomBy(0.8); });
  $('map').addEventListener('keydown', onMapKey);
  state.select = function (id) { selectNode(id); };
  $('back').addEventListener('click', function () { load(null); });
  state.centreOn = function (person) { return load(person); };
  load(null);
}());
