// A Zenvia-compatible fake provider in its own process (so it does not share the sender's CPU):
// answers after LATENCY_MS and records when each request arrived. Talks to its parent over IPC:
// sends { url } when listening; on "arrivals" replies with the arrival times (ms, performance.now()
// of the parent's clock is not shared, so times are relative to this process — only gaps matter).
import http from "node:http";

const latencyMs = Number(process.env.LATENCY_MS ?? 0);
const arrivals = [];
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    arrivals.push(performance.now());
    const reply = () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: crypto.randomUUID() }));
    if (latencyMs > 0) setTimeout(reply, latencyMs);
    else reply();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
process.on("message", (m) => {
  if (m === "arrivals") process.send({ arrivals });
  if (m === "close") server.close(() => process.exit(0));
});
