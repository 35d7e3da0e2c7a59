// Preloaded (`node --import`, or NODE_OPTIONS for a tool and its child processes) where a test runs
// tools that must work offline: a connection to anything but loopback or a local socket throws,
// and is written to $NO_NETWORK_LOG, so a tool that swallows the error is still caught.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const loopback = (host) => host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(String(host));

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0];
  if (typeof options !== 'object' || options === null) options = { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
  if (!options.path && !loopback(options.host)) {
    const message = `no-network: ${process.argv.slice(1).join(' ')} tried to reach ${options.host}:${options.port}`;
    if (process.env.NO_NETWORK_LOG) appendFileSync(process.env.NO_NETWORK_LOG, `${message}\n`);
    throw new Error(message);
  }
  return connect.apply(this, args);
};
