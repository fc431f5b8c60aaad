import { Module, type DynamicModule } from '@nestjs/common'
import { APP_FILTER, APP_GUARD } from '@nestjs/core'
import { AuditController } from './audit/audit.controller.js'
import { AuditService } from './audit/audit.service.js'
import { AccessGuard } from './auth/access.guard.js'
import type { Authenticator } from './auth/auth-config.js'
import { ScopeService } from './auth/scope.service.js'
import { ActivitiesController } from './commands/activities.controller.js'
import { AssociationsController } from './commands/associations.controller.js'
import { GovernanceController } from './commands/governance.controller.js'
import { CommandService } from './commands/command.service.js'
import { MembersController } from './commands/members.controller.js'
import { WriteSide } from './commands/write-side.js'
import { UnitsController } from './commands/units.controller.js'
import { DashboardController } from './dashboard/dashboard.controller.js'
import { ProblemFilter } from './http/problem.filter.js'
import type { RouteCatalogue } from './http/route.js'
import { DocsController } from './meta/docs.controller.js'
import { HealthController } from './meta/health.controller.js'
import type { ResolvedOptions } from './options.js'
import { MetricsController } from './observability/metrics.controller.js'
import type { Telemetry } from './observability/telemetry.js'
import { AUTHENTICATOR, CATALOGUE, OPTIONS, STORE, TELEMETRY } from './tokens.js'
import { ViewModelService } from './views/view-model.service.js'
import { ViewService } from './views/view.service.js'
import { ViewsController } from './views/views.controller.js'
import { PrintController } from './print/print.controller.js'
import { ErasureController, ErasureService } from './erasure/erasure.controller.js'

@Module({})
export class HoiModule {
  static forRoot(options: ResolvedOptions, authenticate: Authenticator, catalogue: RouteCatalogue, telemetry: Telemetry): DynamicModule {
    return {
      module: HoiModule,
      controllers: [
        AssociationsController,
        GovernanceController,
        MembersController,
        ActivitiesController,
        ViewsController,
        AuditController,
        HealthController,
        DocsController,
        DashboardController,
        UnitsController,
        PrintController,
        MetricsController,
        ErasureController,
      ],
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: STORE, useValue: options.store },
        { provide: AUTHENTICATOR, useValue: authenticate },
        { provide: CATALOGUE, useValue: catalogue },
        { provide: TELEMETRY, useValue: telemetry },
        ViewModelService,
        WriteSide,
        ScopeService,
        CommandService,
        ViewService,
        AuditService,
        ErasureService,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    }
  }
}
