// The two roles of the test system and what they share.
export { CsmsPeer } from './csms-peer.ts';
export type { CsmsPeerOptions } from './csms-peer.ts';
export { StationPeer, expectAccepted } from './station-peer.ts';
export type { StationPeerOptions, ConnectOutcome } from './station-peer.ts';
export { PeerBase, explainCallError } from './peer.ts';
export type { Timing, Reply, SentCall } from './peer.ts';
export { Inbox } from './inbox.ts';
export type { InboxEntry, ExpectOptions } from './inbox.ts';
export { RuleMonitor } from './rules.ts';
export type { RuleBreach } from './rules.ts';
export { ExpectationFailed, PreconditionFailed, NotApplicable, WaitCancelled, ScriptError } from './errors.ts';
export type { FailureFacts } from './errors.ts';
export type { EngineSettings } from './settings.ts';
export { allConnectors, tokenStatus, validToken } from './settings.ts';
export * from './fields.ts';
