/**
 * Resolves in a later task, so that the event loop runs what is waiting (a worker's messages: pause,
 * reset, cancel) before long work goes on. Not setTimeout(0): browsers hold a timer set from within
 * timers nested five deep for at least 4 ms (HTML's timer nesting rule), and a worker's training loop
 * and scans yield from within each other all the time — 4 ms of idling per yield, measured in Chromium
 * (a message on a fresh channel takes ~0.02 ms; scheduler.postTask is not in every browser or Node).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Closed, so that an idle port keeps neither memory nor, in Node, the process.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
