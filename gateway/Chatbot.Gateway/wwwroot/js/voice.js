// A voice session with the server (/api/v1/voice/stream): the microphone captured by an AudioWorklet as 16 kHz PCM16
// and sent as binary 20 ms frames; the server's messages handed to `on` callbacks; the spoken answer played as it
// arrives and silenced on barge-in (`interrupted`). Typed text can go through the same session while it is open.

import { AudioPlayer } from "./audio-player.js";

const sampleRate = 16000;

export class VoiceSession {
  #socket = null;
  #context = null;
  #stream = null;
  #worklet = null;
  #player = null;
  #closed = false;
  #ready = false;

  /**
   * `conversationId` is the conversation spoken in; `on` receives the server's messages by type (ready, asr_partial,
   * asr_final, llm_delta, tts_chunk, interrupted, done, error) and `close({ code, reason })` once the session ends.
   * `interrupted` carries `heard_ms` besides the server's fields: how much of the answer this browser had played.
   */
  constructor({ conversationId, on }) {
    this.conversationId = conversationId;
    this.on = on;
  }

  /** Opens the session, then asks for the microphone and starts streaming. Rejects when either is refused. */
  async start() {
    this.#context = createContext();
    this.#player = new AudioPlayer(this.#context);
    await this.#context.audioWorklet.addModule("js/pcm-capture-worklet.js");
    await this.#open(); // the server readies its engines first, so nothing said is lost meanwhile
    this.#stream = await navigator.mediaDevices.getUserMedia({
      // Echo cancellation keeps the spoken answer from interrupting itself through the speakers. Noise suppression
      // and gain control are off: they clip and smear speech, and the recognizer does worse on it than on the raw mic.
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: false },
    });

    const source = this.#context.createMediaStreamSource(this.#stream);
    this.#worklet = new AudioWorkletNode(this.#context, "pcm-capture");
    this.#worklet.port.onmessage = (event) => {
      if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(event.data);
    };
    source.connect(this.#worklet);
    await this.#context.resume();
  }

  /** Sends a typed question through the session (it interrupts the answer being spoken). */
  sendText(text) {
    this.#socket?.send(JSON.stringify({ type: "text", text }));
  }

  /** Ends the input: the microphone stops, the server answers what was said, speaks it, then closes. */
  finish() {
    this.#stopCapture();
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify({ type: "stop" }));
  }

  /** Ends the session now: capture and playback stop, the socket closes. */
  close() {
    this.#stopCapture();
    this.#player?.stopAll();
    if (this.#socket && this.#socket.readyState <= WebSocket.OPEN) this.#socket.close(1000, "closed by the user");
    this.#context?.close();
  }

  #open() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/voice/stream`);
    this.#socket = socket;
    return new Promise((resolve, reject) => {
      socket.onopen = () => socket.send(JSON.stringify({
        type: "start", conversation_id: this.conversationId, codec: "pcm16", sample_rate: sampleRate, lang: "en-US",
        vad: { enable: true, min_speech_ms: 200, min_silence_ms: 600 },
      }));
      socket.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === "ready") resolve(message);
        if (message.type === "error" && !this.#ready) {
          reject(new Error(message.message || "The voice session could not start."));
          return;
        }
        if (message.type === "ready") this.#ready = true;
        this.#handle(message);
      };
      socket.onerror = () => reject(new Error("The voice connection failed."));
      socket.onclose = (event) => {
        this.#stopCapture();
        if (!this.#closed) {
          this.#closed = true;
          this.on.close?.({ code: event.code, reason: event.reason });
        }
        reject(new Error(event.reason || "The voice connection closed."));
      };
    });
  }

  #handle(message) {
    switch (message.type) {
      case "tts_chunk":
        this.#player.enqueue(message.turn_id, message.chunk, sampleRate);
        break;
      case "interrupted":
        // Barge-in: the answer goes quiet now; the handler learns how much of it the user heard.
        message.heard_ms = this.#player.stop(message.turn_id);
        break;
      default:
        break;
    }
    this.on[message.type]?.(message);
  }

  #stopCapture() {
    this.#worklet?.port.postMessage("stop");
    this.#worklet?.disconnect();
    this.#worklet = null;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
  }
}

// A context at 16 kHz lets the browser resample the microphone and the answer; where it refuses, the default rate
// works too (the worklet resamples the microphone).
function createContext() {
  try {
    return new AudioContext({ sampleRate });
  } catch (error) {
    console.warn("No 16 kHz audio context; using the device rate", error);
    return new AudioContext();
  }
}
