import type { INestApplication } from '@nestjs/common'
import type { CatalogueEntry, RouteCatalogue } from './http/route.js'
import { CATALOGUE } from './tokens.js'

/** Every route the app registered (HEAD twins of GET routes left out), with its access rule or none. */
export const routeCatalogue = (app: INestApplication): ReadonlyArray<CatalogueEntry> => app.get<RouteCatalogue>(CATALOGUE).filter((e) => e.method !== 'HEAD')
