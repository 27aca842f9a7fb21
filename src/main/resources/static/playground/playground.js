// Handoff playground: renders the neutral chat view (JSON) with the DOM API only. Every piece of text goes through
// textContent, so nothing a person typed can become HTML.
(function () {
  'use strict';
  // Each story is a demo tenant of its own (a parcel depot, a hospital ward), so their figures never mix.
  let stories = [];
  let story = null;
  let base = null;
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) node.setAttribute(k, v); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };
  let me = null;
  let openForm = null;
  let formOrigin = null; // the inbox item or bubble whose button opened the form
  let seenInbox = {};

  // The server's CSRF token (cookie XSRF-TOKEN, set on every playground response) goes back in a header: another
  // site can neither read the cookie nor send the header, so only this page can change anything.
  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function call(path, body) {
    const response = await fetch(base + path, body === undefined ? {} : {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
      body: JSON.stringify(body)
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
    }
    return data;
  }

  // ---- rendering of neutral blocks ----
  function renderBlocks(container, blocks, attachments) {
    (blocks || []).forEach((block) => {
      if (block.type === 'paragraph') {
        const p = el('p');
        (block.spans || []).forEach((span) => p.appendChild(span.strong ? el('strong', {}, span.text)
          : document.createTextNode(span.text)));
        container.appendChild(p);
      } else if (block.type === 'heading') {
        container.appendChild(el('h3', {}, block.text));
      } else if (block.type === 'divider') {
        container.appendChild(el('hr'));
      } else if (block.type === 'link') {
        const a = el('a', {href: block.url, target: '_blank', rel: 'noopener noreferrer', class: 'link'}, block.text);
        container.appendChild(el('p')).appendChild(a);
      } else if (block.type === 'buttons') {
        const row = el('div', {class: 'buttons'});
        block.buttons.forEach((b) => {
          const button = el('button', {type: 'button', class: b.style, 'data-action': b.actionId}, b.label);
          button.addEventListener('click', () => press(b.actionId, b.value, container));
          row.appendChild(button);
        });
        container.appendChild(row);
      }
    });
    (attachments || []).forEach((file) => {
      if (file.mediaType.startsWith('image/')) {
        container.appendChild(el('img', {src: file.dataUrl, alt: file.title}));
      } else {
        container.appendChild(el('p')).appendChild(el('a', {href: file.dataUrl, download: file.fileName},
          '⬇ ' + file.title));
      }
    });
  }

  function say(who, fill) {
    const item = el('li', {class: 'bubble ' + who});
    fill(item);
    $('conversation').appendChild(item);
    item.scrollIntoView({block: 'end'});
  }

  function botSays(message) {
    say('bot', (item) => renderBlocks(item, message.blocks, message.attachments));
  }

  function problem(error) {
    say('bot', (item) => item.appendChild(el('p', {class: 'error'}, error.message)));
  }

  // the message a pressed button was on (an inbox item or a chat bubble) becomes the answer; elsewhere it is said anew
  function replaceMessage(origin, message) {
    if (origin && origin.classList.contains('inbox-item')) {
      origin.replaceChildren(el('time', {datetime: message.at}, new Date(message.at).toLocaleString()));
      renderBlocks(origin, message.blocks, message.attachments);
    } else if (origin && origin.classList.contains('bubble')) {
      origin.replaceChildren();
      renderBlocks(origin, message.blocks, message.attachments);
    } else {
      botSays(message);
    }
  }

  function handle(answer, origin) {
    if (answer.home) renderHome(answer.home);
    if (answer.kind === 'show' && answer.message) botSays(answer.message);
    if (answer.kind === 'replace' && answer.message) replaceMessage(origin, answer.message);
    if (answer.kind === 'form') {
      if (answer.message) replaceMessage(origin, answer.message); // "Yes, and there's more": the answer stays
      showForm(answer.form, origin);
    }
    if (answer.kind === 'form-errors') showErrors(answer.errors);
    if (answer.kind === 'close-form') { closeForm(); if (answer.message) botSays(answer.message); }
    if (answer.kind === 'close-replace') {
      const from = formOrigin;
      closeForm();
      if (answer.message) replaceMessage(from, answer.message); // the question the form came from
    }
    refreshInbox();
  }

  function renderHome(home) {
    const panel = $('panel-home');
    panel.replaceChildren();
    renderBlocks(panel, home.blocks);
  }

  // ---- actions ----
  async function send(text) {
    if (!me) return;
    say('me', (item) => { item.textContent = text; });
    try { handle(await call('/people/' + me + '/command', {text: text})); } catch (e) { problem(e); }
  }

  async function press(actionId, value, origin) {
    const messageId = origin && origin.dataset.message ? origin.dataset.message : null;
    try {
      handle(await call('/people/' + me + '/button', {actionId: actionId, value: value, messageId: messageId}), origin);
    } catch (e) { problem(e); }
  }

  // ---- forms ----
  function showForm(form, origin) {
    openForm = form;
    formOrigin = origin || null; // the message whose button opened the form: its answer replaces it
    $('form-title').textContent = form.title;
    $('form-submit').textContent = form.submitLabel;
    $('form-error').hidden = true;
    $('form-announce').textContent = '';
    const fields = $('form-fields');
    fields.replaceChildren();
    form.fields.forEach((field) => fields.appendChild(renderField(field)));
    const dialog = $('form-dialog');
    if (!dialog.open) dialog.showModal();
  }

  function renderField(field) {
    const box = el('div', {class: 'field', 'data-field': field.id, 'data-type': field.type});
    const initial = field.initial || [];
    const label = field.label + (field.optional ? ' (optional)' : '');
    if (field.type === 'note') {
      const p = el('p');
      (field.note || []).forEach((s) => p.appendChild(s.strong ? el('strong', {}, s.text) : document.createTextNode(s.text)));
      box.appendChild(p);
    } else if (field.type === 'people' || field.type === 'choices') {
      // A group of checkboxes is a fieldset whose legend names it; the names wrap downwards, none is hidden.
      const list = el('fieldset', {class: 'people', id: 'f-' + field.id});
      list.appendChild(el('legend', {}, label));
      const options = list.appendChild(el('div', {class: 'options'}));
      field.options.filter((o) => field.type === 'choices' || o.value !== me).forEach((o) => {
        const row = el('label');
        const input = el('input', {type: 'checkbox', value: o.value, name: field.id});
        input.checked = initial.includes(o.value);
        row.appendChild(input);
        row.appendChild(document.createTextNode(o.label));
        options.appendChild(row);
      });
      box.appendChild(list);
    } else if (field.type === 'choice') {
      const id = 'f-' + field.id;
      box.appendChild(el('label', {for: id}, label));
      const select = el('select', {id: id, name: field.id});
      select.appendChild(el('option', {value: ''}, field.optional ? '—' : 'Choose…'));
      field.options.forEach((o) => {
        const option = el('option', {value: o.value}, o.label);
        option.selected = initial.includes(o.value);
        select.appendChild(option);
      });
      box.appendChild(select);
    } else if (field.type === 'text') {
      const id = 'f-' + field.id;
      box.appendChild(el('label', {for: id}, label));
      const input = field.multiline ? el('textarea', {id: id, name: field.id, rows: 4, maxlength: field.maxLength})
        : el('input', {id: id, name: field.id, type: 'text', maxlength: field.maxLength});
      input.value = initial[0] || '';
      box.appendChild(input);
      const counter = el('span', {class: 'counter'});
      const count = () => { counter.textContent = input.value.length + ' / ' + field.maxLength; };
      input.addEventListener('input', count);
      count();
      const described = [];
      if (field.hint) { box.appendChild(el('div', {class: 'hint', id: id + '-hint'}, field.hint)); described.push(id + '-hint'); }
      counter.id = id + '-counter';
      described.push(counter.id);
      input.setAttribute('aria-describedby', described.join(' '));
      box.appendChild(counter);
    }
    box.appendChild(el('p', {class: 'error', id: 'f-' + field.id + '-error', hidden: ''}));
    return box;
  }

  function formValues() {
    const values = {};
    document.querySelectorAll('#form-fields .field').forEach((box) => {
      const id = box.dataset.field;
      const type = box.dataset.type;
      if (type === 'people' || type === 'choices') {
        values[id] = Array.from(box.querySelectorAll('input:checked')).map((i) => i.value);
      } else if (type === 'choice' || type === 'text') {
        const input = box.querySelector('select, input, textarea');
        values[id] = input.value.trim() === '' ? [] : [input.value];
      }
    });
    return values;
  }

  /** The control a field's error belongs to: its input, select, textarea or (for people) its fieldset. */
  function controlOf(box) {
    return box.querySelector('fieldset, select, textarea, input[type=text]');
  }

  /**
   * Each error sits under its field, is tied to it (aria-describedby, aria-invalid) and is announced; focus moves to
   * the first field in error so a keyboard or screen-reader user lands where the fix is needed.
   */
  function showErrors(errors) {
    document.querySelectorAll('#form-fields .field').forEach((box) => {
      box.querySelector('.error').hidden = true;
      const control = controlOf(box);
      if (control) {
        control.removeAttribute('aria-invalid');
        const ids = (control.getAttribute('aria-describedby') || '').split(' ')
          .filter((ref) => ref && !ref.endsWith('-error'));
        if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    });
    const general = [];
    const spoken = [];
    let first = null;
    Object.entries(errors || {}).forEach(([id, text]) => {
      const box = document.querySelector('#form-fields .field[data-field="' + CSS.escape(id) + '"]');
      if (!box) { general.push(text); spoken.push(text); return; }
      const error = box.querySelector('.error');
      error.textContent = text;
      error.hidden = false;
      const control = controlOf(box);
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby',
          ((control.getAttribute('aria-describedby') || '') + ' ' + error.id).trim());
        if (!first) first = control;
      }
      const name = box.querySelector('legend, label');
      spoken.push((name ? name.textContent.trim() + ': ' : '') + text);
    });
    $('form-error').textContent = general.join(' ');
    $('form-error').hidden = general.length === 0;
    $('form-announce').textContent = spoken.length === 0 ? ''
      : (spoken.length === 1 ? 'One problem: ' : spoken.length + ' problems: ') + spoken.join(' ');
    if (first) (first.matches('fieldset') ? first.querySelector('input') || first : first).focus();
  }

  function closeForm() {
    openForm = null;
    formOrigin = null;
    if ($('form-dialog').open) $('form-dialog').close();
  }

  $('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!openForm) return;
    try {
      const messageId = formOrigin && formOrigin.dataset.message ? formOrigin.dataset.message : null;
      handle(await call('/people/' + me + '/form',
        {formId: openForm.id, state: openForm.state, values: formValues(), messageId: messageId}), formOrigin);
    } catch (e) { showErrors({'': e.message}); }
  });
  $('form-cancel').addEventListener('click', closeForm);

  // ---- inbox, home, people ----
  async function refreshInbox() {
    if (!me) return;
    const messages = await call('/people/' + me + '/inbox');
    const panel = $('panel-inbox');
    const signature = me + ':' + messages.map((m) => m.id + '/' + m.at + '/' + m.summary).join(',');
    if (panel.dataset.signature === signature) return;
    panel.dataset.signature = signature;
    panel.replaceChildren();
    if (messages.length === 0) panel.appendChild(el('p', {class: 'hint'}, 'Nothing from Handoff yet.'));
    messages.forEach((m) => {
      const item = el('div', {class: 'inbox-item', 'data-message': m.id});
      item.appendChild(el('time', {datetime: m.at}, new Date(m.at).toLocaleString()));
      renderBlocks(item, m.blocks, m.attachments);
      panel.appendChild(item);
    });
    const unseen = messages.filter((m) => !(seenInbox[me] || {})[m.id]).length;
    $('inbox-unread').textContent = String(unseen);
    $('inbox-count').classList.toggle('zero', unseen === 0);
    if (!$('panel-inbox').hidden) markSeen(messages);
  }

  function markSeen(messages) {
    seenInbox[me] = seenInbox[me] || {};
    messages.forEach((m) => { seenInbox[me][m.id] = true; });
    $('inbox-unread').textContent = '0';
    $('inbox-count').classList.add('zero');
  }

  async function refreshHome() {
    if (!me) return;
    renderHome(await call('/people/' + me + '/home'));
  }

  async function choose(person) {
    me = person;
    localStorage.setItem('handoff-playground-person-' + story.tenant, person);
    $('conversation').replaceChildren();
    closeForm();
    say('bot', (item) => item.appendChild(el('p', {}, 'You are now ' + $('person').selectedOptions[0].textContent
      + '. Type help to see what Handoff can do.')));
    await Promise.all([refreshHome(), refreshInbox()]);
  }

  // ---- stories: which demo tenant, whom to start as, what to try ----
  function storyOf(tenant) { return stories.find((s) => s.tenant === tenant); }

  function offerStories() {
    say('bot', (item) => {
      item.setAttribute('data-stories', '');
      item.appendChild(el('p', {}, 'Which story would you like to try?'));
      const row = item.appendChild(el('div', {class: 'buttons'}));
      stories.forEach((s) => {
        const button = el('button', {type: 'button', 'data-story': s.tenant}, s.title.charAt(0).toUpperCase()
          + s.title.slice(1));
        button.addEventListener('click', () => startStory(s.tenant, true));
        row.appendChild(button);
      });
    });
  }

  function showHints() {
    say('bot', (item) => {
      item.setAttribute('data-hints', story.tenant);
      item.appendChild(el('p', {}, 'This is ' + story.title + '. Three things to try:'));
      const list = item.appendChild(el('ol', {class: 'hints'}));
      story.hints.forEach((hint) => list.appendChild(el('li', {}, hint)));
    });
  }

  /** Switches to a story: its people, its clock; {@code asLead}: start as the story's lead person with the hints. */
  async function startStory(tenant, asLead) {
    story = storyOf(tenant) || stories[0];
    base = '/playground/api/tenants/' + story.tenant;
    localStorage.setItem('handoff-playground-story', story.tenant);
    $('story').value = story.tenant;
    $('story-title').textContent = story.title;
    if (asLead) localStorage.setItem('handoff-playground-person-' + story.tenant, story.lead);
    seenInbox = {};
    $('panel-inbox').dataset.signature = '';
    await loadPeople();
    if (asLead) showHints();
    call('/clock').then(showClock).catch(() => {});
  }

  async function loadStories() {
    stories = await (await fetch('/playground/api/stories')).json();
    const select = $('story');
    select.replaceChildren();
    stories.forEach((s) => select.appendChild(el('option', {value: s.tenant}, s.title)));
    const remembered = localStorage.getItem('handoff-playground-story');
    await startStory(remembered && storyOf(remembered) ? remembered : stories[0].tenant, false);
    if (!remembered) offerStories();
  }

  async function loadPeople() {
    const people = await call('/people');
    const select = $('person');
    select.replaceChildren();
    let group = null;
    people.forEach((p) => {
      if (!group || group.label !== p.teamName) {
        group = el('optgroup', {label: p.teamName || 'No team'});
        select.appendChild(group);
      }
      group.appendChild(el('option', {value: p.id}, p.name));
    });
    const remembered = localStorage.getItem('handoff-playground-person-' + story.tenant) || story.lead;
    if (people.some((p) => p.id === remembered)) select.value = remembered;
    await choose(select.value);
  }

  // Tabs as the ARIA tabs pattern: one tab in the Tab order (the selected one), arrow keys, Home and End move between
  // them and open the panel they control.
  const tabs = () => Array.from(document.querySelectorAll('.tabs [role=tab]')).filter((t) => !t.hidden);
  function selectTab(tab) {
    document.querySelectorAll('.tabs [role=tab]').forEach((t) => {
      const chosen = t === tab;
      t.classList.toggle('active', chosen);
      t.setAttribute('aria-selected', String(chosen));
      t.tabIndex = chosen ? 0 : -1;
    });
    ['home', 'inbox', 'scheduler'].forEach((name) => { $('panel-' + name).hidden = name !== tab.dataset.tab; });
    if (tab.dataset.tab === 'inbox') refreshInbox().then(() => call('/people/' + me + '/inbox').then(markSeen));
    if (tab.dataset.tab === 'scheduler') refreshDecisions().catch(problem);
  }
  document.querySelectorAll('.tabs [role=tab]').forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (event) => {
      const list = tabs();
      const at = list.indexOf(tab);
      const next = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1}[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = list[(next + list.length) % list.length];
      selectTab(target);
      target.focus();
    });
  });

  $('person').addEventListener('change', (e) => choose(e.target.value));
  $('story').addEventListener('change', (e) => startStory(e.target.value, true).catch(problem));
  // A message is at most 2000 characters: say so before the box stops taking more.
  $('command').addEventListener('input', () => {
    const input = $('command');
    const max = Number(input.getAttribute('maxlength'));
    const left = max - input.value.length;
    const limit = $('command-limit');
    limit.hidden = left > 200;
    limit.textContent = left > 0 ? left + ' of ' + max + ' characters left'
      : 'That is the most a message can hold (' + max + ' characters).';
  });

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('command').value.trim();
    if (!text) return;
    $('command').value = '';
    $('command-limit').hidden = true;
    send(text);
  });
  document.querySelectorAll('#chips button').forEach((chip) => chip.addEventListener('click', () => send(chip.dataset.command)));
  $('reset').addEventListener('click', async () => {
    if (!confirm('Reload ' + story.title + '? Everything done in it is forgotten.')) return;
    try {
      await call('/reset', {});
      seenInbox = {};
      $('panel-inbox').dataset.signature = '';
      await loadPeople();
      showClock(await call('/clock'));
    } catch (e) { problem(e); }
  });

  // ---- demo clock and the scheduler's decisions ----
  function showClock(now) {
    $('clock-panel').hidden = false;
    $('tab-scheduler').hidden = false;
    $('clock-now').textContent = now.local + (now.workingHours ? '' : ' (outside working hours)');
    document.querySelectorAll('[data-advance]').forEach((button) => { button.hidden = !now.movable; });
  }

  async function refreshDecisions() {
    const decisions = await call('/decisions');
    const panel = $('panel-scheduler');
    panel.replaceChildren();
    panel.appendChild(el('p', {class: 'hint'}, 'What the delivery rules decided about each message, newest first.'));
    if (decisions.length === 0) panel.appendChild(el('p', {}, 'No decisions yet.'));
    decisions.forEach((d) => {
      const line = el('div', {class: 'decision', 'data-verdict': d.verdict});
      const verdict = {SEND: 'sent', DEFER: 'deferred', DROP: 'dropped', MERGED: 'merged'}[d.verdict] || d.verdict.toLowerCase();
      line.appendChild(el('strong', {}, verdict));
      const kind = d.kind === 'NUDGE' ? 'Handoff\'s prompt' : 'a message a colleague\'s action caused';
      line.appendChild(document.createTextNode(' · ' + kind + ' to ' + d.personName
        + (d.about ? ': “' + d.about + '”' : (d.what ? ' (' + d.what + ')' : ''))
        + (d.until ? ' until ' + new Date(d.until).toLocaleString() : '') + (d.reason ? ' — ' + d.reason : '')
        + ' · ' + new Date(d.at).toLocaleString()));
      panel.appendChild(line);
    });
  }

  document.querySelectorAll('[data-advance]').forEach((button) => button.addEventListener('click', async () => {
    try {
      showClock(await call('/clock', {advance: button.dataset.advance}));
      say('bot', (item) => item.appendChild(el('p', {class: 'hint'}, 'Demo time moved forward to '
        + $('clock-now').textContent + '. Scheduled messages due by then are on their way.')));
      setTimeout(() => { refreshInbox(); refreshHome(); refreshDecisions(); }, 1500);
    } catch (e) { problem(e); }
  }));

  window.handoffPlayground = {refreshInbox: refreshInbox, refreshHome: refreshHome, send: send};
  setInterval(() => { refreshInbox().catch(() => {}); }, 3000);
  loadStories().catch(problem);
  setInterval(() => { if (base) call('/clock').then(showClock).catch(() => {}); }, 30000);
})();
