import { RequestMapping, RequestMethod, applyDecorators } from '@nestjs/common'
import { RouteConfig } from '@nestjs/platform-fastify'
import type { FastifyRequest } from 'fastify'
import type * as t from 'io-ts'
import type { CommandType } from '@hoi/domain'
import type { AccessName } from '../auth/access.js'

/**
 * What hoi knows about a route, kept in the route's Fastify config: the access rule the guard
 * enforces, and what the OpenAPI document and the authorisation tests read back.
 */
export type HoiRoute = {
  readonly access: AccessName
  readonly tag: string
  readonly summary: string
  /** a command route: the command(s) it sends (PUT /reports/… sends SubmitReport or CorrectReport) */
  readonly commands?: ReadonlyArray<CommandType>
  /** path parameters filled from the read model when the body leaves them out */
  readonly derived?: ReadonlyArray<string>
  /** a view route: the view's name */
  readonly view?: string
  /**
   * a route that takes a JSON body but sends no domain command (the erasure of a person): the codecs
   * that decode its path and body, documented in OpenAPI as the schema `name`, and what it answers with 201
   */
  readonly body?: { readonly name: string; readonly path: t.Mixed; readonly codec: t.Mixed; readonly result: string }
  /** the response is not JSON (a page, a script, a stylesheet) */
  readonly produces?: string
}

export const HOI_ROUTE = 'hoi'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Declares a route and its rule in one place; a route without one is refused by the guard. */
export const Route = (method: Method, path: string, route: HoiRoute) => applyDecorators(RequestMapping({ method: RequestMethod[method], path }), RouteConfig({ [HOI_ROUTE]: route }))

export const hoiRouteOf = (req: FastifyRequest): HoiRoute | undefined => (req.routeOptions.config as unknown as Record<string, HoiRoute | undefined> | undefined)?.[HOI_ROUTE]

/** Every route Fastify registered, with its hoi metadata (filled by an onRoute hook before Nest adds them). */
export type CatalogueEntry = { readonly method: string; readonly url: string; readonly route: HoiRoute | undefined }
export type RouteCatalogue = CatalogueEntry[]
