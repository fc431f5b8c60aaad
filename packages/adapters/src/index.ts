export * from './store.js'
export { MemoryStore, openMemory } from './memory.js'
export type { SqliteStore } from './sqlite.js'
export { expectedHolds } from './idempotency.js'
export { upcasters, upcast, upcastRecorded, decodeRecorded, readRecorded } from './upcast.js'
export {
  handleCommand,
  eventIdFor,
  loadStream,
  toNewEvents,
  type CommandOutcome,
  type CommandFailure,
  type RetriesExhausted,
  type HandleOptions,
  type Aggregates,
  type AnyAggregate,
  type Loaded,
} from './handle.js'
export { decideAsOf } from './decide-as-of.js'
export { runBatch, type BatchItem, type BatchResult, type BatchOptions } from './batch.js'
export type { RecordTime, ViewReader, ViewEngine, ParkedEvent, ProjectionState, EngineStatus, Progress } from './views.js'
export { openMemoryViews, READ_MODEL } from './memory-views.js'
export { openViews, type OpenViewsOptions } from './open-views.js'
export { follow, type Follower, type FollowOptions } from './follow.js'
export { recordInstant } from './record-time.js'
export { migrate, verify, canonicalEvent, MigrationError, type MigrationProgress, type MigrationOptions, type Verification } from './migrate.js'
export { GENESIS, canonical, canonicalJson, chained, hashOf, exportLine, UNCHAINED_MESSAGE } from './chain.js'
export { verifyEvents, verifyStore, chainHead, parseHead, type ChainHead, type ChainBreak, type BreakKind, type VerifyReport, type VerifyOptions } from './verify.js'
export type { PostgresStore } from './postgres.js'
export { openDriverViews, type SqlViewsOptions } from './projector/engine.js'
export { sqliteDriver, type SqlDriver, type Stmt, type SqlValue } from './projector/driver.js'
export { openSqliteViews } from './projector/sqlite.js'
export { sealStore, unsealed, sealingOf, type Sealing } from './personal/sealed.js'
export { memoryKeys, sqliteKeys, type KeyTable } from './personal/keys.js'
export { erasePerson, type EraseRequest, type Erasure } from './personal/erase.js'
