export {
  hangUntilAborted,
  jsonResponse,
  type RecordedRequest,
  stubFetch,
} from './testing/stub-fetch.ts';
