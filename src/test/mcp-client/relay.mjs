// A transparent byte pipe between this process's stdin/stdout and a TCP port on 127.0.0.1.
// The integration test listens on that port and holds the real jar process, so that it can record the jar's raw
// stdout, its exit code and how long it takes to exit once its stdin is closed. Usage: node relay.mjs <port>
import net from 'node:net';

const port = Number(process.argv[2]);
const socket = net.connect({ host: '127.0.0.1', port });
socket.on('error', (error) => {
  process.stderr.write(`relay: ${error.message}\n`);
  process.exit(2);
});
process.stdin.pipe(socket);
socket.pipe(process.stdout);
// The client closing our stdin is the MCP "end of session": pass it on as a half-close and leave at once,
// so the client never needs to signal us; the test watches the jar shut down by itself.
process.stdin.on('end', () => socket.end(() => process.exit(0)));
socket.on('end', () => process.exit(0));
