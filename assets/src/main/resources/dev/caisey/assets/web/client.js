// The client's session page. It talks the Caisey wire protocol over one WebSocket to /ws/client, authenticated by
// the HttpOnly client-pass cookie the server set when the join code was redeemed. Everything a person typed is put
// into the page with textContent, never as markup. The page reconnects by itself and resumes by event number, so a
// network blip neither loses nor repeats a chat line.
'use strict';

(function () {
  const PING_EVERY_MS = 20000;
  const PONG_WAIT_MS = 10000;
  const MAX_BACKOFF_MS = 10000;
  const EXPIRED = 'This page has expired or the session has ended. If you still need help, ask your technician for a new code.';

  const $ = (id) => document.getElementById(id);

  const state = {
    ws: null,
    session: null,
    lastSeq: 0,
    retries: 0,
    ended: false,
    nextId: 1,
    pending: new Map(), // request id -> callback(frame)
    prompts: new Map(), // approvalId -> approval.prompt body
    cards: new Map(), // approvalId -> card
    byCommand: new Map(), // commandId -> approvalId
    skewMs: null, // local clock minus server clock, smallest seen
    pingTimer: null,
    pongTimer: null,
    technician: null,
  };

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status ' + (kind || '');
  }

  function connect() {
    if (state.ended) {
      return;
    }
    setStatus(state.retries === 0 ? 'Connecting…' : 'Reconnecting…', state.retries === 0 ? '' : 'warn');
    const ws = new WebSocket('wss://' + location.host + '/ws/client');
    state.ws = ws;
    ws.onmessage = (message) => {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      receive(frame);
    };
    ws.onclose = (event) => {
      stopPinging();
      if (state.ws !== ws) {
        return;
      }
      state.ws = null;
      state.pending.clear();
      // An answer that was on its way may not have arrived: let the person answer again after reconnecting.
      state.cards.forEach((entry) => {
        if (!entry.settled) {
          entry.buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
          entry.outcome.textContent = '';
        }
      });
      if (state.ended) {
        return;
      }
      if (event.code === 1008) {
        end('This page cannot be used any more', EXPIRED);
        return;
      }
      const delay = Math.min(MAX_BACKOFF_MS, 500 * Math.pow(2, state.retries)) + Math.floor(Math.random() * 300);
      state.retries++;
      setStatus('Reconnecting…', 'warn');
      window.setTimeout(connect, delay);
    };
  }

  function send(type, body, onAnswer) {
    const ws = state.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      return false;
    }
    const frame = { v: 1, type: type, body: body };
    if (onAnswer) {
      frame.id = 'p' + state.nextId++;
      state.pending.set(frame.id, onAnswer);
    }
    ws.send(JSON.stringify(frame));
    return true;
  }

  function receive(frame) {
    if (frame.re && state.pending.has(frame.re)) {
      const answer = state.pending.get(frame.re);
      state.pending.delete(frame.re);
      answer(frame);
      return;
    }
    const body = frame.body || {};
    switch (frame.type) {
      case 'client.joined':
        joined(body);
        break;
      case 'approval.prompt':
        state.prompts.set(body.approvalId, body);
        break;
      case 'event':
        event(body.event);
        break;
      case 'error':
        if (body.code === 'unauthenticated') {
          end('This page cannot be used any more', body.message);
        }
        break;
      default:
        break;
    }
  }

  function joined(body) {
    state.session = body.session;
    state.retries = 0;
    if (body.company) {
      $('company').textContent = body.company;
    }
    if (body.technician) {
      state.technician = body.technician;
      const who = $('who');
      who.textContent = '';
      const name = document.createElement('strong');
      name.textContent = body.technician;
      who.append(name, document.createTextNode(body.company ? ' from ' + body.company : ''));
      who.append(document.createTextNode(' is helping you' + (body.endpoint ? ' with the computer ' + body.endpoint : '') + '.'));
    }
    send('session.subscribe', { session: state.session, afterSeq: state.lastSeq }, () => {});
    setStatus('Connected', 'good');
    startPinging();
  }

  function event(e) {
    if (!e || e.seq <= state.lastSeq) {
      return; // already shown before a reconnect
    }
    state.lastSeq = e.seq;
    const skew = Date.now() - e.at / 1000;
    state.skewMs = state.skewMs === null ? skew : Math.min(state.skewMs, skew);
    const d = e.data || {};
    switch (e.type) {
      case 'chat.message':
        chat(e);
        break;
      case 'approval.requested':
        approvalCard(e, d);
        break;
      case 'approval.granted':
        settle(d.approvalId, 'approved', 'Approved at ' + time(e.at) + '. Waiting for it to start…');
        break;
      case 'approval.denied':
        settle(d.approvalId, 'denied', 'Declined at ' + time(e.at) + '. Nothing was run.');
        break;
      case 'approval.expired':
        settle(d.approvalId, 'expired', 'Nobody answered in time, so nothing was run.');
        break;
      case 'command.started':
        settle(state.byCommand.get(d.commandId), 'running', 'Running now (started ' + time(e.at) + ')…');
        break;
      case 'command.finished':
        settle(
          state.byCommand.get(d.commandId),
          d.exitCode === 0 ? 'finished' : 'failed',
          d.exitCode === 0 ? 'Finished successfully at ' + time(e.at) + '.' : 'Finished at ' + time(e.at) + ', but it reported a problem. Your technician can see the details.');
        break;
      case 'command.cancelled':
      case 'command.timed_out':
        settle(state.byCommand.get(d.commandId), 'failed', 'Stopped before it finished.');
        break;
      case 'session.closed':
        end('The session has ended', 'Your technician closed the session at ' + time(e.at) + '. There is nothing more to do on this page; you can close it.');
        break;
      default:
        break;
    }
  }

  // The browser's own zone and conventions, asked each time so a change of zone (travel, settings) shows at once.
  function time(micros) {
    return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(micros / 1000));
  }

  function chat(e) {
    const item = document.createElement('li');
    item.className = 'msg ' + (e.actor.role === 'client' ? 'mine' : 'theirs');
    item.dataset.seq = String(e.seq);
    const meta = document.createElement('p');
    meta.className = 'meta';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = e.actor.name;
    const when = document.createElement('time');
    when.dateTime = new Date(e.at / 1000).toISOString();
    when.textContent = time(e.at);
    meta.append(who, document.createTextNode(' · '), when);
    const text = document.createElement('p');
    text.className = 'text';
    text.textContent = e.data.text;
    item.append(meta, text);
    const log = $('chat');
    log.append(item);
    $('chat-empty').hidden = true;
    log.scrollTop = log.scrollHeight;
  }

  function approvalCard(e, d) {
    const words = state.prompts.get(d.approvalId);
    const card = document.createElement('article');
    card.className = 'card approval pending';
    card.setAttribute('aria-labelledby', 'q-' + d.approvalId);
    const question = document.createElement('p');
    question.className = 'question';
    question.id = 'q-' + d.approvalId;
    question.textContent = words ? words.text : 'Your technician asks for your approval: “' + d.prompt + '”';
    card.append(question);
    const detailText = words ? words.detail : d.detail;
    if (detailText) {
      const detail = document.createElement('p');
      detail.className = 'detail';
      detail.textContent = detailText;
      card.append(detail);
    }
    const countdown = document.createElement('p');
    countdown.className = 'countdown';
    card.append(countdown);
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const approve = document.createElement('button');
    approve.type = 'button';
    approve.className = 'approve';
    approve.textContent = 'Approve';
    const deny = document.createElement('button');
    deny.type = 'button';
    deny.className = 'deny';
    deny.textContent = 'Deny';
    buttons.append(approve, deny);
    card.append(buttons);
    const outcome = document.createElement('p');
    outcome.className = 'outcome';
    outcome.setAttribute('role', 'status');
    card.append(outcome);
    const entry = { card, countdown, buttons, outcome, expiresAt: d.expiresAt, settled: false };
    approve.addEventListener('click', () => answer(d.approvalId, true, entry));
    deny.addEventListener('click', () => answer(d.approvalId, false, entry));
    state.cards.set(d.approvalId, entry);
    if (d.commandId) {
      state.byCommand.set(d.commandId, d.approvalId);
    }
    $('approvals-empty').hidden = true;
    $('approvals').prepend(card);
    tick();
  }

  function answer(approvalId, approve, entry) {
    entry.buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    entry.outcome.textContent = 'Sending your answer…';
    const sent = send('approval.answer', { session: state.session, approvalId: approvalId, approve: approve }, (frame) => {
      if (frame.type === 'error') {
        entry.outcome.textContent = frame.body.message;
        if (!entry.settled) {
          entry.buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
        }
      }
    });
    if (!sent) {
      entry.outcome.textContent = 'Not connected just now; your answer was not sent. Try again in a moment.';
      entry.buttons.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  function settle(approvalId, status, text) {
    const entry = approvalId && state.cards.get(approvalId);
    if (!entry) {
      return;
    }
    entry.settled = true;
    entry.card.className = 'card approval ' + status;
    entry.buttons.remove();
    entry.countdown.textContent = '';
    entry.outcome.textContent = text;
  }

  function tick() {
    const serverNow = Date.now() - (state.skewMs || 0);
    state.cards.forEach((entry) => {
      if (entry.settled) {
        return;
      }
      const left = Math.max(0, Math.floor((entry.expiresAt / 1000 - serverNow) / 1000));
      if (left === 0) {
        entry.countdown.textContent = 'Time is up for this request.';
        entry.buttons.querySelectorAll('button').forEach((b) => { b.disabled = true; });
        return;
      }
      const minutes = Math.floor(left / 60);
      const seconds = String(left % 60).padStart(2, '0');
      entry.countdown.textContent = 'Open for ' + minutes + ':' + seconds + ' more. If you do not answer, nothing is run.';
    });
  }

  function end(title, text) {
    if (state.ended) {
      return;
    }
    state.ended = true;
    stopPinging();
    $('ended-title').textContent = title;
    $('ended-text').textContent = text;
    $('ended').hidden = false;
    $('send').hidden = true;
    $('send').remove();
    state.cards.forEach((entry) => {
      if (!entry.settled) {
        entry.settled = true;
        entry.buttons.remove();
        entry.countdown.textContent = '';
      }
    });
    setStatus('Session ended', 'ended');
    if (state.ws) {
      const ws = state.ws;
      state.ws = null;
      ws.close(1000);
    }
    $('ended-title').focus();
  }

  function startPinging() {
    stopPinging();
    state.pingTimer = window.setInterval(() => {
      if (state.pongTimer !== null) {
        return;
      }
      state.pongTimer = window.setTimeout(() => {
        state.pongTimer = null;
        if (state.ws) {
          state.ws.close(); // no answer: the connection is dead, so reconnect
        }
      }, PONG_WAIT_MS);
      send('ping', { at: Date.now() * 1000 }, () => {
        window.clearTimeout(state.pongTimer);
        state.pongTimer = null;
      });
    }, PING_EVERY_MS);
  }

  function stopPinging() {
    window.clearInterval(state.pingTimer);
    window.clearTimeout(state.pongTimer);
    state.pingTimer = null;
    state.pongTimer = null;
  }

  function sendChat(event) {
    event.preventDefault();
    const box = $('message');
    const text = box.value.trim();
    const problem = $('send-problem');
    problem.hidden = true;
    if (text === '') {
      problem.textContent = 'Write a message first.';
      problem.hidden = false;
      return;
    }
    const sent = send('chat.send', { session: state.session, text: text }, (frame) => {
      if (frame.type === 'error') {
        problem.textContent = frame.body.message;
        problem.hidden = false;
      }
    });
    if (sent) {
      box.value = '';
    } else {
      problem.textContent = 'Not connected just now; your message was not sent. It is still in the box: try again in a moment.';
      problem.hidden = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('send').addEventListener('submit', sendChat);
    $('message').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        sendChat(e);
      }
    });
    window.setInterval(tick, 1000);
    connect();
  });
})();
