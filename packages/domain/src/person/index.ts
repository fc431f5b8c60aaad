export * from './events.js'
export * from './personal.js'
