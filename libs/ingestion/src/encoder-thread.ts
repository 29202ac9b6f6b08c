import { parentPort, workerData } from 'node:worker_threads';
import type { PhysicalLine } from '../../contract/src/reading/line-splitter';
import { SliceEncoder, type SliceContext } from './encode-slice';

/**
 * Entry point of an encoder thread (EncoderPool): encodes each slice it is sent and sends it
 * back, handing over the row Buffers' memory rather than copying it.
 */
const encoder = new SliceEncoder(workerData as SliceContext);
parentPort?.on('message', ({ seq, lines }: { seq: number; lines: PhysicalLine[] }) => {
  const slice = encoder.encode(seq, lines);
  const transfer = [...new Set(slice.chunks.map((c) => c.buffer as ArrayBuffer))];
  parentPort?.postMessage(slice, transfer);
});
