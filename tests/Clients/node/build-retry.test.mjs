// A client's retry of a failed Kylin build, against KylinMock over HTTP, with node's own test runner.
// The mock is the `kylin-mock` command (the single binary or the dotnet tool; KYLIN_MOCK names another
// path), started once on a free port with a manual clock; its readiness line gives the URL.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

let mock;
let kylin;

before(async () => {
  mock = spawn(process.env.KYLIN_MOCK ?? 'kylin-mock',
    ['serve', '--port', '0', '--clock', 'manual', '--now', '2026-03-15T12:00:00Z'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  kylin = await new Promise((resolve, reject) => {
    mock.once('exit', (code) => reject(new Error(`kylin-mock exited (${code}) before it was ready`)));
    createInterface({ input: mock.stdout }).on('line', (line) => {
      const ready = /KylinMock listening on (http:\/\/\S+)/.exec(line);
      if (ready) resolve(ready[1]);
    });
  });
});

after(() => mock.kill('SIGTERM'));

beforeEach(async () => {
  assert.equal((await fetch(`${kylin}/__kylinmock/reset`, { method: 'POST' })).status, 200);
});

const kylinHeaders = {
  Authorization: 'Basic ' + Buffer.from('ADMIN:KYLIN').toString('base64'),
  Accept: 'application/vnd.apache.kylin-v4-public+json',
  'Content-Type': 'application/json',
};

// The code under test: a tiny client of Kylin's job API.
const client = {
  async status(jobId) {
    const page = await (await fetch(`${kylin}/kylin/api/jobs?time_filter=4&key=${jobId}`, { headers: kylinHeaders })).json();
    return page.data.value[0].job_status;
  },
  async resume(jobId) {
    const answer = await fetch(`${kylin}/kylin/api/jobs/status`, {
      method: 'PUT', headers: kylinHeaders, body: JSON.stringify({ action: 'RESUME', job_ids: [jobId] }),
    });
    assert.equal(answer.status, 200);
  },
};

const control = async (path, body) => (await fetch(`${kylin}/__kylinmock${path}`, {
  method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body),
})).json();

test('the client resumes a failed build until it finishes', async () => {
  const { id } = await control('/jobs/submit', {
    project: 'learn_kylin', target_model: 'm1',
    plan: { pickup_delay_ms: 1000, step_durations_ms: [1000, 1000, 1000], fail_at_step: 1, failing_runs: 1 },
  });

  await control('/clock/advance', { ms: 3000 });
  assert.equal(await client.status(id), 'ERROR');

  await client.resume(id);
  await control('/clock/advance', { ms: 5000 });
  assert.equal(await client.status(id), 'FINISHED');

  const resumes = await control(`/journal/calls?operation=UpdateJobStatus&action=RESUME&job_ids=${id}`);
  assert.equal(resumes.count, 1);
  assert.deepEqual(resumes.calls[0].status_update.job_ids, [id]);
});

test('each test starts from a reset mock', async () => {
  assert.equal((await control('/journal/calls')).count, 0);
});
