/** Align with audio: speech activity, automatic sync (offset and drift) and snap to speech. */
export * from './activity';
export * from './apply';
export * from './changes';
export * from './estimate';
export * from './onsets';
export * from './snap';
