export * from './claim.js'
