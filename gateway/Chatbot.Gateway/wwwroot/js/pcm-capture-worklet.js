// AudioWorklet: the microphone as 20 ms frames of 16 kHz PCM16, posted to the page as ArrayBuffers.
// The context usually runs at 16 kHz already (the browser resamples the microphone); otherwise each output sample is
// the average of the input samples it covers (a box filter against aliasing), with linear interpolation between.

const targetRate = 16000;
const frameSamples = 320; // 20 ms

class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / targetRate; // input samples per output sample
    this.position = 0; // fractional read position into the input stream
    this.carry = []; // input samples not consumed yet
    this.frame = new Int16Array(frameSamples);
    this.filled = 0;
    this.port.onmessage = (event) => { if (event.data === "stop") this.stopped = true; };
  }

  process(inputs) {
    if (this.stopped) return false;
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    if (this.step === 1) {
      for (const sample of channel) this.push(sample);
      return true;
    }
    const input = this.carry.concat(Array.from(channel));
    while (this.position + this.step <= input.length) {
      const start = Math.floor(this.position);
      const end = Math.floor(this.position + this.step);
      let sum = 0;
      for (let i = start; i < end; i++) sum += input[i];
      this.push(sum / Math.max(1, end - start));
      this.position += this.step;
    }
    const used = Math.floor(this.position);
    this.carry = input.slice(used);
    this.position -= used;
    return true;
  }

  push(sample) {
    const clipped = Math.max(-1, Math.min(1, sample));
    this.frame[this.filled++] = clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff;
    if (this.filled === frameSamples) {
      const buffer = this.frame.buffer.slice(0);
      this.port.postMessage(buffer, [buffer]);
      this.filled = 0;
    }
  }
}

registerProcessor("pcm-capture", PcmCaptureProcessor);
