// KylinMock's image started by testcontainers' GenericContainer: a build followed from PENDING to FINISHED on
// the mock's clock, under node's own test runner. The image is built here (bash .ci/docker.sh build), never pulled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { GenericContainer, Wait } from 'testcontainers';

const image = 'kylinmock/kylin-mock:0.1.0';
let container;
let kylin;

// A free loopback port, chosen here so nothing has to be read back from the container's log stream (whose
// chunks may split the readiness line).
const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

before(async () => {
  // CI's Docker daemon has no bridge: host networking, serve on a loopback port picked here. Elsewhere:
  // .withExposedPorts(7070) and `http://${container.getHost()}:${container.getMappedPort(7070)}`.
  const port = await freePort();
  container = await new GenericContainer(image)
    .withPullPolicy({ shouldPull: () => false })
    .withNetworkMode('host')
    .withCommand(['serve', '--clock', 'manual', '--now', '2026-03-15T12:00:00Z', '--host', '127.0.0.1', '--port', String(port)])
    .withWaitStrategy(Wait.forLogMessage(/KylinMock listening on http:\/\/\S+:\d+ \(/))
    .start();
  kylin = `http://127.0.0.1:${port}`;
  const health = await (await fetch(`${kylin}/__kylinmock/health`)).json();
  assert.equal(health.status, 'UP');
});

after(() => container.stop());   // SIGTERM, the image's stop signal: the mock stops itself, then it is removed

const kylinHeaders = {
  Authorization: 'Basic ' + Buffer.from('ADMIN:KYLIN').toString('base64'),
  Accept: 'application/vnd.apache.kylin-v4-public+json',
};

const control = async (path, body) => {
  const answer = await fetch(`${kylin}/__kylinmock${path}`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(answer.status, 200);
  return answer.json();
};

async function statusOf(id) {
  const page = await (await fetch(`${kylin}/kylin/api/jobs?time_filter=4&key=${id}`, { headers: kylinHeaders })).json();
  return page.data.value[0].job_status;
}

test('a build goes from PENDING to FINISHED as the mock\'s clock moves', async () => {
  const { id } = await control('/jobs/submit', {
    project: 'learn_kylin', target_model: 'm1',
    plan: { pickup_delay_ms: 1000, step_durations_ms: [10000, 10000, 10000] },
  });

  assert.equal(await statusOf(id), 'PENDING');
  await control('/clock/advance', { ms: 5000 });
  assert.equal(await statusOf(id), 'RUNNING');
  await control('/clock/advance', { ms: 30000 });
  assert.equal(await statusOf(id), 'FINISHED');
});
