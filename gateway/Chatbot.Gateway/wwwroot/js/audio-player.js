// Plays a session's tts_chunks (PCM16, base64) gap-free in order on an AudioContext, and stops at once on barge-in.

export class AudioPlayer {
  #context;
  #next = 0; // context time at which the next chunk starts
  #turns = new Map(); // turnId → { sources: Set of scheduled AudioBufferSourceNodes, start, end } (context times)

  constructor(context) {
    this.#context = context;
  }

  /** Queues a chunk of 16-bit little-endian mono samples at `sampleRate` for `turnId`. */
  enqueue(turnId, base64, sampleRate) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const samples = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
    if (samples.length === 0) return;
    const buffer = this.#context.createBuffer(1, samples.length, sampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples.length; i++) channel[i] = samples[i] / 0x8000;

    const source = this.#context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.#context.destination);
    const now = this.#context.currentTime;
    this.#next = Math.max(this.#next, now + 0.02); // a short cushion when the queue ran dry
    source.start(this.#next);

    let turn = this.#turns.get(turnId);
    if (!turn) {
      turn = { sources: new Set(), start: this.#next, end: this.#next, played: 0 };
      this.#turns.set(turnId, turn);
    }
    this.#next += buffer.duration;
    turn.end = this.#next;
    turn.sources.add(source);
    source.onended = () => turn.sources.delete(source);
  }

  /**
   * Silences the answer `turnId` now (what is scheduled is dropped; the next answer starts without a gap) and returns
   * how many milliseconds of it were heard so far. An answer that resumes after this starts a new stretch of audio.
   */
  stop(turnId) {
    const turn = this.#turns.get(turnId);
    if (!turn) return 0;
    for (const source of turn.sources) {
      source.onended = null;
      source.stop();
    }
    this.#turns.delete(turnId);
    this.#next = this.#context.currentTime;
    const heard = Math.min(turn.end, this.#context.currentTime) - turn.start;
    return Math.max(0, Math.round(heard * 1000));
  }

  /** Silences everything. */
  stopAll() {
    for (const turnId of [...this.#turns.keys()]) this.stop(turnId);
  }
}
