// A small client of the Vert.x event-bus bridge over the browser's own WebSocket. Frames are JSON:
// {type: register|unregister|send|publish|ping, address, body, headers} from us, {type: rec|err, ...} to us.
// It pings so the bridge knows the screen is alive, and reconnects (registering again) after a drop.

export class Bus {
  constructor(path, pingMillis) {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = `${scheme}//${window.location.host}${path}`;
    this.pingMillis = pingMillis;
    this.handlers = new Map();
    this.listeners = { open: [], close: [], error: [] };
    this.socket = null;
    this.timer = null;
    this.attempt = 0;
    this.stopped = false;
    this.decoder = new TextDecoder();
  }

  /** Listens for 'open', 'close' or 'error' (a refusal from the bridge, with its reason). */
  on(event, listener) {
    this.listeners[event].push(listener);
    return this;
  }

  connect() {
    this.stopped = false;
    const socket = new WebSocket(this.url);
    // The bridge's plain WebSocket sends its frames as binary messages holding UTF-8 JSON.
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      for (const address of this.handlers.keys()) this.frame({ type: 'register', address });
      this.frame({ type: 'ping' });
      this.timer = window.setInterval(() => this.frame({ type: 'ping' }), this.pingMillis);
      this.emit('open');
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      window.clearInterval(this.timer);
      if (this.socket === socket) this.socket = null;
      this.emit('close');
      if (!this.stopped) {
        const delay = Math.min(10000, 500 * 2 ** this.attempt++);
        window.setTimeout(() => { if (!this.stopped && !this.socket) this.connect(); }, delay);
      }
    });
    return this;
  }

  /** Calls handler(body) for every message on address, now and after every reconnect. */
  register(address, handler) {
    const known = this.handlers.has(address);
    if (!known) this.handlers.set(address, []);
    this.handlers.get(address).push(handler);
    if (!known && this.isOpen()) this.frame({ type: 'register', address });
  }

  /** Sends body to address; false when the connection is down (nothing is queued). */
  send(address, body) {
    if (!this.isOpen()) return false;
    this.frame({ type: 'send', address, body, headers: {} });
    return true;
  }

  isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  close() {
    this.stopped = true;
    if (this.socket) this.socket.close();
  }

  frame(message) {
    if (this.isOpen()) this.socket.send(JSON.stringify(message));
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(typeof data === 'string' ? data : this.decoder.decode(data));
    } catch (e) {
      return;
    }
    if (message.type === 'rec') {
      for (const handler of this.handlers.get(message.address) || []) handler(message.body);
    } else if (message.type === 'err') {
      this.emit('error', message.body);
    }
  }

  emit(event, detail) {
    for (const listener of this.listeners[event]) listener(detail);
  }
}
