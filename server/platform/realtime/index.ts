export {
  publish,
  encodeEvent,
  decodeEvent,
  REALTIME_CHANNEL,
  MAX_PAYLOAD_BYTES,
  RealtimePayloadTooLargeError,
  type RealtimeEvent,
  type DeliveredEvent,
} from './publish.ts';
export { createRealtimeHub, type RealtimeHub, type RealtimeFilter, type SubscribeOptions, type HubOptions } from './hub.ts';
export { installSse, streamEvents, type SseOptions } from './sse.ts';
