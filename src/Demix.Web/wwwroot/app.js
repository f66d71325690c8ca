// Demix listening page: upload or pick a song, follow the job over server-sent events, then play the
// mixture and stems in sync (solo/mute), look at their spectrograms and download the stems.
'use strict';

const $ = selector => document.querySelector(selector);
let currentSource = null;   // EventSource of the job on screen
let player = null;          // SyncPlayer of the job on screen

async function api(path, options) {
  const response = await fetch(path, options);
  const isJson = (response.headers.get('content-type') || '').includes('json');
  const body = isJson ? await response.json() : null;
  if (!response.ok) throw new Error(body && body.error ? body.error : `The server answered ${response.status}.`);
  return body;
}

function formatTime(seconds) {
  if (!isFinite(seconds)) return '0:00';
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

async function loadChoices() {
  const [info, methods, library] = await Promise.all([api('/api/info'), api('/api/methods'), api('/api/library')]);
  $('#limit').textContent = `up to ${(info.maxUploadBytes / 1048576).toFixed(0)} MB`;
  const methodSelect = $('#method');
  for (const method of methods) {
    const option = new Option(method.name, method.name, method.isDefault, method.isDefault);
    option.title = method.description;
    methodSelect.add(option);
  }
  const describe = () => {
    const chosen = methods.find(m => m.name === methodSelect.value);
    $('#method-description').textContent = chosen ? chosen.description : '';
  };
  methodSelect.addEventListener('change', describe);
  describe();
  if (info.hasLibrary) {
    $('#library-row').hidden = false;
    for (const song of library) $('#library').add(new Option(song.name, song.id));
  }
}

async function submitJob(event) {
  event.preventDefault();
  $('#form-error').textContent = '';
  const file = $('#file').files[0];
  const songId = $('#library').value;
  const method = encodeURIComponent($('#method').value);
  if (!file && !songId) {
    $('#form-error').textContent = 'Choose a song file (or a library song) first.';
    return;
  }
  $('#submit').disabled = true;
  try {
    const job = file
      ? await api(`/api/jobs?method=${method}&name=${encodeURIComponent(file.name)}`,
          { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } })
      : await api(`/api/jobs/library/${encodeURIComponent(songId)}?method=${method}`, { method: 'POST' });
    $('#file').value = '';
    openJob(job.id);
    refreshJobs();
  } catch (error) {
    $('#form-error').textContent = error.message;
  } finally {
    $('#submit').disabled = false;
  }
}

function openJob(id) {
  if (currentSource) currentSource.close();
  if (player) player.stop();
  player = null;
  $('#job').hidden = false;
  $('#players').hidden = true;
  $('#tracks').replaceChildren();
  $('#job-error').textContent = '';
  currentSource = new EventSource(`/api/jobs/${id}/events`);
  currentSource.onmessage = message => showJob(JSON.parse(message.data));
  currentSource.onerror = () => {
    // The stream ends when the job does; fetch the final state once.
    currentSource.close();
    api(`/api/jobs/${id}`).then(showJob).catch(error => { $('#job-error').textContent = error.message; });
  };
}

function showJob(job) {
  $('#job').dataset.state = job.state;
  $('#job-title').textContent = `${job.name} (${job.method})`;
  $('#job-progress').value = job.progress;
  $('#job-stage').textContent = job.state === 'done'
    ? `done: ${formatTime(job.durationSeconds)} of audio` : `${job.stage} ${(100 * job.progress).toFixed(0)}%`;
  if (job.state === 'failed') $('#job-error').textContent = job.error;
  if (job.state === 'done' && !player) {
    player = new SyncPlayer(job);
    $('#players').hidden = false;
    refreshJobs();
  }
}

async function refreshJobs() {
  const jobs = await api('/api/jobs');
  const body = $('#jobs tbody');
  body.replaceChildren(...jobs.map(job => {
    const row = document.createElement('tr');
    const cells = [job.name, job.method, job.state === 'running' ? `running ${(100 * job.progress).toFixed(0)}%` : job.state,
      new Date(job.createdUtc).toLocaleTimeString()];
    for (const text of cells) row.insertCell().textContent = text;
    row.cells[2].className = `state-${job.state}`;
    row.addEventListener('click', () => openJob(job.id));
    return row;
  }));
  $('#no-jobs').hidden = jobs.length > 0;
}

// Plays the job's tracks together: one transport, each track solo/mute, drift corrected against the first.
class SyncPlayer {
  constructor(job) {
    this.tracks = job.tracks.map(name => this.addTrack(job.id, name, name === 'mixture'));
    this.clock = this.tracks[0].audio;
    this.playing = false;
    $('#play').textContent = 'Play';
    $('#play').onclick = () => (this.playing ? this.pause() : this.play());
    $('#seek').oninput = () => this.seek(Number($('#seek').value) * (this.clock.duration || 0));
    this.clock.addEventListener('ended', () => this.pause());
    this.timer = setInterval(() => this.tick(), 200);
    this.applyLevels();
  }

  addTrack(jobId, name, audible) {
    const element = document.createElement('div');
    element.className = 'track';
    element.dataset.track = name;
    const head = document.createElement('div');
    head.className = 'track-head';
    const label = document.createElement('span');
    label.className = 'name';
    label.textContent = name;
    const solo = this.toggle('Solo');
    const mute = this.toggle('Mute');
    const download = document.createElement('a');
    download.href = `/api/jobs/${jobId}/audio/${name}?download=true`;
    download.textContent = `Download ${name}.wav`;
    download.setAttribute('download', '');
    head.append(label, solo, mute, download);
    const audio = new Audio(`/api/jobs/${jobId}/audio/${name}`);
    audio.preload = 'auto';
    const image = document.createElement('img');
    image.alt = `Spectrogram of ${name}`;
    image.src = `/api/jobs/${jobId}/spectrogram/${name}`;
    element.append(head, image, audio);
    $('#tracks').append(element);
    const track = { name, element, audio, solo, mute, soloed: false, muted: !audible };
    solo.onclick = () => { track.soloed = !track.soloed; this.applyLevels(); };
    mute.onclick = () => { track.muted = !track.muted; this.applyLevels(); };
    return track;
  }

  toggle(text) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'toggle';
    button.textContent = text;
    return button;
  }

  applyLevels() {
    const anySolo = this.tracks.some(t => t.soloed);
    for (const t of this.tracks) {
      const audible = anySolo ? t.soloed : !t.muted;
      t.audio.muted = !audible;
      t.solo.classList.toggle('on', t.soloed);
      t.mute.classList.toggle('on', t.muted);
      t.element.classList.toggle('silent', !audible);
    }
  }

  async play() {
    const time = this.clock.currentTime;
    for (const t of this.tracks) t.audio.currentTime = time;
    this.playing = true;
    $('#play').textContent = 'Pause';
    await Promise.all(this.tracks.map(t => t.audio.play().catch(() => {})));
  }

  pause() {
    for (const t of this.tracks) t.audio.pause();
    this.playing = false;
    $('#play').textContent = 'Play';
  }

  seek(time) {
    for (const t of this.tracks) t.audio.currentTime = time;
  }

  tick() {
    const time = this.clock.currentTime;
    if (this.playing) {
      for (const t of this.tracks.slice(1)) {
        if (Math.abs(t.audio.currentTime - time) > 0.04) t.audio.currentTime = time;
      }
    }
    const duration = this.clock.duration || 0;
    if (document.activeElement !== $('#seek')) $('#seek').value = duration ? time / duration : 0;
    $('#clock').textContent = `${formatTime(time)} / ${formatTime(duration)}`;
  }

  stop() {
    this.pause();
    clearInterval(this.timer);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#job-form').addEventListener('submit', submitJob);
  loadChoices().catch(error => { $('#form-error').textContent = error.message; });
  refreshJobs().catch(() => {});
  setInterval(() => refreshJobs().catch(() => {}), 3000);
});
