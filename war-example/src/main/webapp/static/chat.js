// The chat page: joins /chat/<room> over WebSocket and shows the room's events.
// Each event from the server is JSON: {"type": "join" | "message" | "leave", "from", "text", "online"}.
(function () {
  'use strict';

  const el = (id) => document.getElementById(id);
  let socket = null;

  // "chat/<room>" relative to this page, so the app works under any context path; ws: or wss: as the page.
  function roomUrl(room, name) {
    const url = new URL('chat/' + encodeURIComponent(room), document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (name) {
      url.searchParams.set('name', name);
    }
    return url.toString();
  }

  function setStatus(state, text) {
    el('status').dataset.state = state;
    el('status').textContent = text;
    const open = state === 'open';
    el('message').disabled = !open;
    el('send').disabled = !open;
  }

  function show(event) {
    const item = document.createElement('li');
    if (event.type === 'message') {
      const from = document.createElement('span');
      from.className = 'from';
      from.textContent = event.from + ':';
      item.append(from, document.createTextNode(event.text)); // text nodes: never HTML from other users
    } else {
      item.className = 'notice';
      item.textContent = event.from + (event.type === 'join' ? ' joined' : ' left') + ' (' + event.online + ' online)';
    }
    el('messages').append(item);
    item.scrollIntoView({ block: 'end' });
  }

  function join(room, name) {
    if (socket) {
      socket.close(1000, 'switching rooms');
    }
    el('messages').replaceChildren();
    setStatus('connecting', 'connecting to ' + room + '...');
    const ws = new WebSocket(roomUrl(room, name));
    socket = ws;
    ws.onopen = () => setStatus('open', 'in room ' + room);
    ws.onmessage = (e) => show(JSON.parse(e.data));
    ws.onclose = (e) => {
      if (socket === ws) {
        socket = null;
        setStatus('closed', 'disconnected (' + e.code + (e.reason ? ' ' + e.reason : '') + ')');
      }
    };
  }

  el('join-form').addEventListener('submit', (e) => {
    e.preventDefault();
    join(el('room').value.trim() || 'lobby', el('name').value.trim());
  });

  el('send-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el('message').value;
    if (socket && socket.readyState === WebSocket.OPEN && text.trim()) {
      socket.send(text);
      el('message').value = '';
    }
  });

  // ?room=...&name=... fills the form and joins at once.
  const params = new URLSearchParams(location.search);
  if (params.get('room')) {
    el('room').value = params.get('room');
    el('name').value = params.get('name') || '';
    join(el('room').value, el('name').value);
  }
})();
